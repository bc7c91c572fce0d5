// syncDag: stores what the DAG processor parsed, in one transaction.
//   writes:  upserts `dag` (is_paused only on insert; is_stale false), replaces its `dag_tag`
//            rows, upserts `serialized_dag` only when dag_hash changed
//   locks:   the `dag` row (row lock of the upsert) until commit
//   returns: { created, changed }
import { createHash } from "node:crypto";
import type { SerializedDag } from "@updraft/sdk";
import { dagColumnsOf } from "../../rows/dagRow";
import type { SqlClient } from "../../sqlClient";

/** Input of syncDag. */
export interface SyncDagInput {
  readonly dag: SerializedDag;
  /** The file that defines the DAG; defaults to the SerializedDag's `fileloc`. */
  readonly fileloc?: string | null;
  /** The file relative to the DAGs folder. @default null */
  readonly relativeFileloc?: string | null;
  /**
   * is_paused of a new DAG whose `is_paused_upon_creation` is null
   * (Airflow's `dags_are_paused_at_creation`). @default true
   */
  readonly pausedByDefault?: boolean;
  /** Parse time; the database clock when omitted. */
  readonly now?: Date;
}

/** What syncDag did. */
export interface SyncDagResult {
  /** The DAG was new. */
  readonly created: boolean;
  /** The serialized DAG was inserted or its hash changed. */
  readonly changed: boolean;
}

/** Hash of the JSON text, as stored in serialized_dag.dag_hash. */
function dagHash(json: string): string {
  return createHash("sha256").update(json).digest("hex");
}

/** The tasks with a per-task concurrency cap, as stored in dag.task_concurrency_limits. */
function taskConcurrencyLimits(dag: SerializedDag) {
  return dag.dag.tasks
    .filter((t) => t.max_active_tis_per_dag !== null || t.max_active_tis_per_dagrun !== null)
    .map((t) => ({
      task_id: t.task_id,
      per_dag: t.max_active_tis_per_dag,
      per_run: t.max_active_tis_per_dagrun,
    }));
}

/** Upserts a parsed DAG, its tags and its SerializedDag (one transaction). */
export async function syncDag(client: SqlClient, input: SyncDagInput): Promise<SyncDagResult> {
  const c = dagColumnsOf(input.dag);
  const json = JSON.stringify(input.dag);
  const hash = dagHash(json);
  const isPaused = c.is_paused_upon_creation ?? input.pausedByDefault ?? true;
  return client.transaction(async (tx) => {
    const upsert = await tx.query<{ created: boolean }>(
      `insert into dag as d (dag_id, is_paused, is_stale, fileloc, relative_fileloc, owners,
         description, timetable_summary, timetable_description, max_active_tasks,
         max_active_runs, max_consecutive_failed_dag_runs, last_parsed_time,
         task_concurrency_limits)
       values ($1, $2, false, $3, $4, $5, $6, $7, $8, $9, $10, $11, coalesce($12::timestamptz, now()),
         $13::jsonb)
       on conflict (dag_id) do update set
         is_stale = false, fileloc = excluded.fileloc, relative_fileloc = excluded.relative_fileloc,
         owners = excluded.owners, description = excluded.description,
         timetable_summary = excluded.timetable_summary,
         timetable_description = excluded.timetable_description,
         max_active_tasks = excluded.max_active_tasks, max_active_runs = excluded.max_active_runs,
         max_consecutive_failed_dag_runs = excluded.max_consecutive_failed_dag_runs,
         last_parsed_time = excluded.last_parsed_time,
         task_concurrency_limits = excluded.task_concurrency_limits
       returning (xmax = 0) as created`,
      [
        c.dag_id,
        isPaused,
        input.fileloc ?? input.dag.dag.fileloc,
        input.relativeFileloc ?? null,
        c.owners,
        c.description,
        c.timetable_summary,
        c.timetable_description,
        c.max_active_tasks,
        c.max_active_runs,
        c.max_consecutive_failed_dag_runs,
        input.now ?? null,
        JSON.stringify(taskConcurrencyLimits(input.dag)),
      ],
    );
    await tx.query("delete from dag_tag where dag_id = $1 and not (name = any($2::text[]))", [
      c.dag_id,
      c.tags,
    ]);
    await tx.query(
      `insert into dag_tag (dag_id, name) select $1, unnest($2::text[])
       on conflict (dag_id, name) do nothing`,
      [c.dag_id, c.tags],
    );
    const serialized = await tx.query(
      `insert into serialized_dag as s (dag_id, data, dag_hash, last_updated)
       values ($1, $2::jsonb, $3, coalesce($4::timestamptz, now()))
       on conflict (dag_id) do update set
         data = excluded.data, dag_hash = excluded.dag_hash, last_updated = excluded.last_updated
       where s.dag_hash <> excluded.dag_hash`,
      [c.dag_id, json, hash, input.now ?? null],
    );
    return { created: upsert.rows[0]?.created === true, changed: serialized.rowCount > 0 };
  });
}
