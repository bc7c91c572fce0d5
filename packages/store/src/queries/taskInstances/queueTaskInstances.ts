// queueTaskInstances: scheduled → queued for as many task instances as pools and concurrency
// caps allow, in one transaction (Airflow's critical section, _executable_task_instances_to_queued).
//   locks:   the `slot_pool` rows of the candidates' pools FOR UPDATE (by id), then their `dag`
//            rows FOR UPDATE (by dag_id) — so two callers admit one after the other — then the
//            candidate `task_instance` rows FOR UPDATE SKIP LOCKED
//   reads:   at most 4 × limit + 64 candidates, best first;
//            after the locks: pool occupancy (queued + running, + deferred when the pool's
//            include_deferred), queued + running per run / task / (run, task), task caps
//   writes:  state queued, queued_dttm = now, queued_by_job_id
//   returns: the queued task instances (with try_number) in priority order, and the candidates
//            left, each with the reason (pool_full, pool_not_found, max_active_tasks, …)
import {
  type TaskInstanceKey,
  type TaskInstanceRow,
  taskInstanceFromRow,
  taskInstanceKeyFromRow,
  taskInstanceKeysJson,
} from "../../rows/taskInstanceRow";
import type { SqlClient } from "../../sqlClient";
import {
  admitTaskInstances,
  type NotQueuedReason,
  type QueueCandidate,
} from "./admitTaskInstances";
import { loadQueueLimits } from "./loadQueueLimits";

/** Input of queueTaskInstances. */
export interface QueueTaskInstancesInput {
  /** Queue at most this many (the executor's free slots, Airflow's parallelism). */
  readonly limit: number;
  /** Only these task instances; every scheduled one of running runs of unpaused DAGs if omitted. */
  readonly keys?: readonly TaskInstanceKey[];
  /** The scheduler job queueing them. @default null */
  readonly jobId?: number | null;
  /** The database clock when omitted. */
  readonly now?: Date;
}

/** What queueTaskInstances did. */
export interface QueuedTaskInstances {
  readonly queued: TaskInstanceRow[];
  /** Examined but not queued, in priority order. */
  readonly left: (TaskInstanceKey & { readonly reason: NotQueuedReason })[];
}

// Scheduled TIs of running runs of unpaused DAGs, optionally only the keys in $1.
const CANDIDATES = `from task_instance ti
  join dag_run r on r.dag_id = ti.dag_id and r.run_id = ti.run_id and r.state = 'running'
  join dag d on d.dag_id = ti.dag_id and not d.is_paused
  where ti.state = 'scheduled' and ($1::jsonb is null or exists (
    select 1 from jsonb_to_recordset($1::jsonb) as k(dag_id text, run_id text, task_id text,
      map_index int)
    where k.dag_id = ti.dag_id and k.run_id = ti.run_id and k.task_id = ti.task_id
      and k.map_index = ti.map_index))`;

const ORDER =
  "order by ti.priority_weight desc, coalesce(r.logical_date, r.run_after), ti.map_index, ti.id";
const EXAMINE_FACTOR = 4;
const EXAMINE_EXTRA = 64;

/** Queues scheduled task instances that fit, highest priority_weight first. */
export async function queueTaskInstances(
  client: SqlClient,
  input: QueueTaskInstancesInput,
): Promise<QueuedTaskInstances> {
  if (input.limit <= 0 || input.keys?.length === 0) return { queued: [], left: [] };
  const keys = input.keys === undefined ? null : taskInstanceKeysJson(input.keys);
  return client.transaction(async (tx) => {
    // Only the best candidates are examined: a pass admits at most `limit`, and a few times
    // that covers candidates passed over for a full pool or a cap (Airflow's max_tis_per_query).
    const examine = input.limit * EXAMINE_FACTOR + EXAMINE_EXTRA;
    const scope = await tx.query<{ pools: string[] | null; dags: string[] | null }>(
      `select array_agg(distinct c.pool) as pools, array_agg(distinct c.dag_id) as dags
       from (select ti.pool, ti.dag_id ${CANDIDATES} ${ORDER} limit $2) c`,
      [keys, examine],
    );
    const pools = scope.rows[0]?.pools ?? [];
    const dagIds = scope.rows[0]?.dags ?? [];
    if (dagIds.length === 0) return { queued: [], left: [] };
    await tx.query("select 1 from slot_pool where pool = any($1::text[]) order by id for update", [
      pools,
    ]);
    await tx.query(
      "select 1 from dag where dag_id = any($1::text[]) order by dag_id for no key update",
      [dagIds],
    );
    const limits = await loadQueueLimits(tx, { pools, dagIds });
    const found = await tx.query(
      `select ti.id, ti.dag_id, ti.run_id, ti.task_id, ti.map_index, ti.pool, ti.pool_slots
       ${CANDIDATES} and ti.pool = any($2::text[]) and ti.dag_id = any($3::text[])
       ${ORDER} limit $4
       for no key update of ti skip locked`,
      [keys, pools, dagIds, examine],
    );
    const candidates: QueueCandidate[] = found.rows.map((row) => ({
      ...taskInstanceKeyFromRow(row),
      id: row.id as string,
      pool: row.pool as string,
      poolSlots: Number(row.pool_slots),
    }));
    const { admitted, left } = admitTaskInstances(candidates, limits, input.limit);
    const queued =
      admitted.length === 0
        ? []
        : (
            await tx.query(
              `update task_instance set state = 'queued', updated_at = now(),
                 queued_dttm = coalesce($2::timestamptz, now()), queued_by_job_id = $3
               where id = any($1::uuid[]) and state = 'scheduled'
               returning *`,
              [admitted.map((c) => c.id), input.now ?? null, input.jobId ?? null],
            )
          ).rows.map(taskInstanceFromRow);
    const order = new Map(admitted.map((c, i) => [c.id, i]));
    queued.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    return {
      queued,
      left: left.map(({ candidate: c, reason }) => ({
        dagId: c.dagId,
        runId: c.runId,
        taskId: c.taskId,
        mapIndex: c.mapIndex,
        reason,
      })),
    };
  });
}
