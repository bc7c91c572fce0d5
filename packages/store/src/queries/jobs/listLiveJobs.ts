// listLiveJobs: running jobs, most recent heartbeat first (the health check's view: a
// scheduler is healthy when its latest heartbeat is newer than a threshold).
//   reads:   `job` in state running, of one type and/or heartbeating after a time when given
//   locks:   none
//   returns: the jobs, ordered by latest_heartbeat desc, id desc
import { type JobRow, jobFromRow } from "../../rows/jobRow";
import type { SqlClient } from "../../sqlClient";

/** Input of listLiveJobs. */
export interface ListLiveJobsInput {
  readonly jobType?: string;
  /** Only jobs whose latest heartbeat is strictly after this time; every running job when omitted. */
  readonly heartbeatAfter?: Date;
}

/** Lists running jobs. */
export async function listLiveJobs(
  client: SqlClient,
  input: ListLiveJobsInput = {},
): Promise<JobRow[]> {
  const result = await client.query(
    `select * from job
     where state = 'running' and ($1::text is null or job_type = $1)
       and ($2::timestamptz is null or latest_heartbeat > $2)
     order by latest_heartbeat desc, id desc`,
    [input.jobType ?? null, input.heartbeatAfter ?? null],
  );
  return result.rows.map(jobFromRow);
}
