// setNextDagRun: records the DAG's next run as computed from its timetable.
//   writes:  dag.next_dagrun, next_dagrun_data_interval_start/end, next_dagrun_create_after
//   locks:   the `dag` row (one statement)
//   returns: nothing; throws StoreError NOT_FOUND when there is no such DAG
import type { SqlClient } from "../../sqlClient";
import { StoreError } from "../../storeError";

/** Input of setNextDagRun; null fields mean "no next run" (e.g. past end_date). */
export interface SetNextDagRunInput {
  readonly dagId: string;
  /** The next run's logical date. */
  readonly nextDagRun: Date | null;
  readonly dataIntervalStart: Date | null;
  readonly dataIntervalEnd: Date | null;
  /** When the next run may be created (its run_after). */
  readonly createAfter: Date | null;
}

/** Sets the next_dagrun* columns of one DAG. */
export async function setNextDagRun(client: SqlClient, input: SetNextDagRunInput): Promise<void> {
  const result = await client.query(
    `update dag set next_dagrun = $2, next_dagrun_data_interval_start = $3,
       next_dagrun_data_interval_end = $4, next_dagrun_create_after = $5
     where dag_id = $1`,
    [
      input.dagId,
      input.nextDagRun,
      input.dataIntervalStart,
      input.dataIntervalEnd,
      input.createAfter,
    ],
  );
  if (result.rowCount === 0) {
    throw new StoreError("NOT_FOUND", `dag_id: no DAG "${input.dagId}"`, {
      details: { dagId: input.dagId },
    });
  }
}
