// setDagRunState: compare-and-set of a run's state (finishing a run, marking it by hand,
// re-queueing it after a clear).
//   locks:   the `dag_run` row (one statement)
//   writes:  state; end_date = now for success/failed, null otherwise; queued_at = now when
//            set to queued; start_date = now when set to running and not yet started
//   returns: true when the run was in one of the expected states (and not already in `to`)
import type { DagRunState } from "@updraft/sdk";
import type { SqlClient } from "../../sqlClient";

/** Input of setDagRunState. */
export interface SetDagRunStateInput {
  readonly id: number;
  /** The state(s) the run must be in for the change to happen. */
  readonly from: DagRunState | readonly DagRunState[];
  readonly to: DagRunState;
  /** The database clock when omitted. */
  readonly now?: Date;
}

/** Moves a run from an expected state to a new one; false when it was not in `from`. */
export async function setDagRunState(
  client: SqlClient,
  input: SetDagRunStateInput,
): Promise<boolean> {
  const from = typeof input.from === "string" ? [input.from] : input.from;
  const result = await client.query(
    `update dag_run set state = $3::text, updated_at = now(),
       end_date = case when $3::text in ('success', 'failed')
         then coalesce($4::timestamptz, now()) end,
       queued_at = case when $3::text = 'queued'
         then coalesce($4::timestamptz, now()) else queued_at end,
       start_date = case when $3::text = 'running'
         then coalesce(start_date, $4::timestamptz, now()) else start_date end
     where id = $1 and state = any($2::text[]) and state <> $3::text`,
    [input.id, from, input.to, input.now ?? null],
  );
  return result.rowCount > 0;
}
