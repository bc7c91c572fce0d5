// registerJob: records a starting long-running process (scheduler, DAG processor, triggerer),
// so health checks and HA peers can see it by its heartbeat.
//   writes:  inserts one `job` row in state running, start_date = latest_heartbeat = now
//   locks:   the new row until commit
//   returns: the job (its id is what heartbeatJob and endJob take)
import { type JobRow, jobFromRow } from "../../rows/jobRow";
import type { SqlClient } from "../../sqlClient";

/** Input of registerJob. */
export interface RegisterJobInput {
  /** Airflow's names: "SchedulerJob", "DagProcessorJob", "TriggererJob". */
  readonly jobType: string;
  readonly hostname: string;
  readonly pid?: number | null;
  /** Start time; the database clock when omitted. */
  readonly now?: Date;
}

/** Registers a running job. */
export async function registerJob(client: SqlClient, input: RegisterJobInput): Promise<JobRow> {
  const result = await client.query(
    `insert into job (job_type, state, hostname, pid, start_date, latest_heartbeat)
     values ($1, 'running', $2, $3, coalesce($4::timestamptz, now()),
             coalesce($4::timestamptz, now()))
     returning *`,
    [input.jobType, input.hostname, input.pid ?? null, input.now ?? null],
  );
  return jobFromRow(result.rows[0]!);
}
