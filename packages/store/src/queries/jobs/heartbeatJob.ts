// heartbeatJob: a job says it is alive.
//   writes:  sets `job.latest_heartbeat` of this job
//   locks:   the job row until commit
//   returns: the job, whose state tells the process whether it was asked to stop (anything but
//            running); NOT_FOUND when there is no such job
import { StoreError } from "../../storeError";
import { type JobRow, jobFromRow } from "../../rows/jobRow";
import type { SqlClient } from "../../sqlClient";

/** Input of heartbeatJob. */
export interface HeartbeatJobInput {
  readonly id: number;
  /** Heartbeat time; the database clock when omitted. */
  readonly now?: Date;
}

/** Records a heartbeat. */
export async function heartbeatJob(client: SqlClient, input: HeartbeatJobInput): Promise<JobRow> {
  const result = await client.query(
    `update job set latest_heartbeat = coalesce($2::timestamptz, now()) where id = $1
     returning *`,
    [input.id, input.now ?? null],
  );
  const row = result.rows[0];
  if (row === undefined)
    throw new StoreError("NOT_FOUND", `heartbeatJob: job ${input.id} does not exist`, {
      details: { id: input.id },
    });
  return jobFromRow(row);
}
