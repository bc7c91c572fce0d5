// The `dag` and `serialized_dag` rows in camelCase: the one place their snake_case columns are
// mapped (with `dag_tag` names folded in as `tags`).
import type { SerializedDag } from "@updraft/sdk";
import type { Row } from "../sqlClient";

/** A DAG known to the scheduler (Airflow's DagModel). */
export interface DagRow {
  readonly dagId: string;
  readonly isPaused: boolean;
  /** True when the DAG's file no longer defines it. */
  readonly isStale: boolean;
  readonly fileloc: string | null;
  readonly relativeFileloc: string | null;
  /** Owners joined by ", ", as Airflow stores them. */
  readonly owners: string;
  readonly description: string | null;
  readonly timetableSummary: string | null;
  readonly timetableDescription: string | null;
  readonly maxActiveTasks: number;
  readonly maxActiveRuns: number;
  readonly maxConsecutiveFailedDagRuns: number;
  readonly hasImportErrors: boolean;
  readonly lastParsedTime: Date | null;
  readonly nextDagRun: Date | null;
  readonly nextDagRunDataIntervalStart: Date | null;
  readonly nextDagRunDataIntervalEnd: Date | null;
  readonly nextDagRunCreateAfter: Date | null;
  /** Tag names, sorted. */
  readonly tags: readonly string[];
}

/** The stored SerializedDag of a DAG and the hash it is compared by. */
export interface SerializedDagRow {
  readonly dagId: string;
  readonly data: SerializedDag;
  /** sha256 (hex) of the JSON text the DAG processor produced. */
  readonly dagHash: string;
  readonly lastUpdated: Date;
}

/**
 * The `dag` columns plus `tags`, for selects aliased `d`: `select ${DAG_COLUMNS} from dag d`.
 * A constant SQL fragment, never a value.
 */
export const DAG_COLUMNS = `d.*, coalesce(
  (select array_agg(t.name order by t.name) from dag_tag t where t.dag_id = d.dag_id),
  '{}'::text[]) as tags`;

const date = (value: unknown): Date | null => (value === null ? null : (value as Date));

/** Maps a `dag` row selected with DAG_COLUMNS. */
export function dagFromRow(row: Row): DagRow {
  return {
    dagId: row.dag_id as string,
    isPaused: row.is_paused as boolean,
    isStale: row.is_stale as boolean,
    fileloc: row.fileloc as string | null,
    relativeFileloc: row.relative_fileloc as string | null,
    owners: row.owners as string,
    description: row.description as string | null,
    timetableSummary: row.timetable_summary as string | null,
    timetableDescription: row.timetable_description as string | null,
    maxActiveTasks: Number(row.max_active_tasks),
    maxActiveRuns: Number(row.max_active_runs),
    maxConsecutiveFailedDagRuns: Number(row.max_consecutive_failed_dag_runs),
    hasImportErrors: row.has_import_errors as boolean,
    lastParsedTime: date(row.last_parsed_time),
    nextDagRun: date(row.next_dagrun),
    nextDagRunDataIntervalStart: date(row.next_dagrun_data_interval_start),
    nextDagRunDataIntervalEnd: date(row.next_dagrun_data_interval_end),
    nextDagRunCreateAfter: date(row.next_dagrun_create_after),
    tags: (row.tags as string[] | null) ?? [],
  };
}

/** Maps a `serialized_dag` row. */
export function serializedDagFromRow(row: Row): SerializedDagRow {
  return {
    dagId: row.dag_id as string,
    data: row.data as SerializedDag,
    dagHash: row.dag_hash as string,
    lastUpdated: row.last_updated as Date,
  };
}

/** The `dag` column values of a SerializedDag, in snake_case, for syncDag's upsert. */
export function dagColumnsOf(serialized: SerializedDag): {
  dag_id: string;
  owners: string;
  description: string | null;
  timetable_summary: string;
  timetable_description: string;
  max_active_tasks: number;
  max_active_runs: number;
  max_consecutive_failed_dag_runs: number;
  is_paused_upon_creation: boolean | null;
  tags: readonly string[];
} {
  const d = serialized.dag;
  return {
    dag_id: d.dag_id,
    owners: d.owners.join(", "),
    description: d.description,
    timetable_summary: d.timetable_summary,
    timetable_description: d.timetable_description,
    max_active_tasks: d.max_active_tasks,
    max_active_runs: d.max_active_runs,
    max_consecutive_failed_dag_runs: d.max_consecutive_failed_dag_runs,
    is_paused_upon_creation: d.is_paused_upon_creation,
    tags: [...new Set(d.tags)].sort(),
  };
}
