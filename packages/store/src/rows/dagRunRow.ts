// The `dag_run` row in camelCase: the one place its snake_case columns are mapped.
import type { DagRunState, DagRunType } from "@updraft/sdk";
import type { Row } from "../sqlClient";

/** One DAG run (Airflow's DagRun). */
export interface DagRunRow {
  /** The surrogate key (bigserial), as a number. */
  readonly id: number;
  readonly dagId: string;
  readonly runId: string;
  readonly runType: DagRunType;
  /** null for runs without a logical date (Airflow 3 manual runs may have none). */
  readonly logicalDate: Date | null;
  readonly dataIntervalStart: Date | null;
  readonly dataIntervalEnd: Date | null;
  /** When the run may start; the sort key of run lists. */
  readonly runAfter: Date;
  readonly state: DagRunState;
  readonly queuedAt: Date | null;
  readonly startDate: Date | null;
  readonly endDate: Date | null;
  readonly conf: Readonly<Record<string, unknown>>;
  readonly triggeredBy: string | null;
  readonly note: string | null;
  readonly lastSchedulingDecision: Date | null;
  readonly updatedAt: Date;
}

const date = (value: unknown): Date | null => (value === null ? null : (value as Date));

/** Maps a `dag_run` row (`select *` / `returning *`). */
export function dagRunFromRow(row: Row): DagRunRow {
  return {
    id: Number(row.id),
    dagId: row.dag_id as string,
    runId: row.run_id as string,
    runType: row.run_type as DagRunType,
    logicalDate: date(row.logical_date),
    dataIntervalStart: date(row.data_interval_start),
    dataIntervalEnd: date(row.data_interval_end),
    runAfter: row.run_after as Date,
    state: row.state as DagRunState,
    queuedAt: date(row.queued_at),
    startDate: date(row.start_date),
    endDate: date(row.end_date),
    conf: (row.conf as Record<string, unknown> | null) ?? {},
    triggeredBy: row.triggered_by as string | null,
    note: row.note as string | null,
    lastSchedulingDecision: date(row.last_scheduling_decision),
    updatedAt: row.updated_at as Date,
  };
}
