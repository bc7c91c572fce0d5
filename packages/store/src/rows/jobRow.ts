// The `job` row in camelCase: the one place its snake_case columns are mapped.
import type { Row } from "../sqlClient";

/** Airflow's JobState strings. */
export type JobState = "running" | "success" | "failed" | "restarting";

/** A long-running process (scheduler, DAG processor, triggerer) and its heartbeat. */
export interface JobRow {
  readonly id: number;
  /** Airflow's names: "SchedulerJob", "DagProcessorJob", "TriggererJob". */
  readonly jobType: string;
  readonly state: JobState;
  readonly hostname: string;
  readonly pid: number | null;
  readonly startDate: Date;
  readonly endDate: Date | null;
  readonly latestHeartbeat: Date;
}

/** Maps a `job` row. */
export function jobFromRow(row: Row): JobRow {
  return {
    id: Number(row.id),
    jobType: row.job_type as string,
    state: row.state as JobState,
    hostname: row.hostname as string,
    pid: row.pid === null ? null : Number(row.pid),
    startDate: row.start_date as Date,
    endDate: row.end_date as Date | null,
    latestHeartbeat: row.latest_heartbeat as Date,
  };
}
