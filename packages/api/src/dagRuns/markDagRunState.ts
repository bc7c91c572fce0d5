// Marking a DAG run by hand (PATCH …/dagRuns/{dag_run_id} with `state`), as Airflow's
// set_dag_run_state_to_success / _failed / _queued (airflow/api/common/mark_tasks.py):
// - success: the run, and every task instance not in success, become success;
// - failed: running, deferred and up_for_reschedule instances become failed, those not yet
//   finished (no status, scheduled, queued, up_for_retry, restarting) skipped, the run failed;
// - queued: only the run, which the scheduler then takes up again.
// One transaction; the run's row is changed first (the scheduler locks runs before their task
// instances), instances change only if still in the state they were read in.
import { type DagRunState, FINISHED_STATES, type TaskInstanceStateOrNone } from "@updraft/sdk";
import {
  type DagRunRow,
  listTaskInstances,
  notifyScheduler,
  setDagRunState,
  setTaskInstanceStates,
  type SqlClient,
  type TaskInstanceStateChange,
} from "@updraft/store";

/** The states a run can be marked with (Airflow's DAGRunPatchStates). */
export const DAG_RUN_PATCH_STATES = ["queued", "success", "failed"] as const;
export type DagRunPatchState = (typeof DAG_RUN_PATCH_STATES)[number];

const ALL_RUN_STATES: readonly DagRunState[] = ["queued", "running", "success", "failed"];
const RUNNING: ReadonlySet<TaskInstanceStateOrNone> = new Set([
  "running",
  "deferred",
  "up_for_reschedule",
]);

/** What marking the run `to` makes of a task instance in `state` (null: left as it is). */
function markedTaskState(
  state: TaskInstanceStateOrNone,
  to: DagRunPatchState,
): "success" | "failed" | "skipped" | null {
  switch (to) {
    case "success":
      return state === "success" ? null : "success";
    case "failed":
      if (RUNNING.has(state)) return "failed";
      return state !== null && FINISHED_STATES.has(state) ? null : "skipped";
    case "queued":
      return null;
  }
}

/** Marks `run` (and, for success and failed, its task instances) as Airflow does. */
export async function markDagRunState(
  client: SqlClient,
  run: DagRunRow,
  to: DagRunPatchState,
): Promise<void> {
  await client.transaction(async (tx) => {
    await setDagRunState(tx, { id: run.id, from: ALL_RUN_STATES.filter((s) => s !== to), to });
    if (to !== "queued") {
      const tis = await listTaskInstances(tx, { dagId: run.dagId, runId: run.runId });
      const changes = tis.flatMap((ti): TaskInstanceStateChange[] => {
        const state = markedTaskState(ti.state, to);
        return state === null
          ? []
          : [
              {
                dagId: ti.dagId,
                runId: ti.runId,
                taskId: ti.taskId,
                mapIndex: ti.mapIndex,
                expectedState: ti.state,
                state,
              },
            ];
      });
      await setTaskInstanceStates(tx, { changes });
    }
    await notifyScheduler(tx, "cleared");
  });
}
