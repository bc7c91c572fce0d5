// endJob: a job stops (cleanly or not).
//   writes:  sets `job.state` and `job.end_date` of this job
//   locks:   the job row until commit
//   returns: the ended job; NOT_FOUND when there is no such job
import { StoreError } from "../../storeError";
import { type JobRow, type JobState, jobFromRow } from "../../rows/jobRow";
import type { SqlClient } from "../../sqlClient";

/** Input of endJob. */
export interface EndJobInput {
  readonly id: number;
  /** @default "success" */
  readonly state?: Exclude<JobState, "running">;
  /** End time; the database clock when omitted. */
  readonly now?: Date;
}

/** Marks a job ended. */
export async function endJob(client: SqlClient, input: EndJobInput): Promise<JobRow> {
  const result = await client.query(
    `update job set state = $2, end_date = coalesce($3::timestamptz, now()) where id = $1
     returning *`,
    [input.id, input.state ?? "success", input.now ?? null],
  );
  const row = result.rows[0];
  if (row === undefined)
    throw new StoreError("NOT_FOUND", `endJob: job ${input.id} does not exist`, {
      details: { id: input.id },
    });
  return jobFromRow(row);
}
