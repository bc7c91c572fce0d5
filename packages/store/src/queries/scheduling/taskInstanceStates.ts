// taskInstanceStates: the (task_id, map_index, state) of every task instance of one run, the
// lightest read the scheduler's per-run pass needs (a wide run has tens of thousands).
//   reads:   `task_instance` of one run (through the unique key task_instance_key)
//   locks:   none; the caller holds the run's row lock from claimDagRunsToSchedule
//   returns: the instances ordered by task_id, map_index
import type { TaskInstanceStateOrNone } from "@updraft/sdk";
import type { SqlClient } from "../../sqlClient";
import { prepared } from "../../preparedStatements";

/** One instance's state. */
export interface TaskInstanceStateRow {
  readonly taskId: string;
  readonly mapIndex: number;
  readonly state: TaskInstanceStateOrNone;
}

/** Reads the states of one run's task instances. */
export async function taskInstanceStates(
  client: SqlClient,
  input: { readonly dagId: string; readonly runId: string },
): Promise<TaskInstanceStateRow[]> {
  const result = await client.query<{
    task_id: string;
    map_index: number;
    state: TaskInstanceStateOrNone;
  }>(
    prepared(`select task_id, map_index, state from task_instance where dag_id = $1 and run_id = $2
     order by task_id, map_index`),
    [input.dagId, input.runId],
  );
  return result.rows.map((r) => ({
    taskId: r.task_id,
    mapIndex: Number(r.map_index),
    state: r.state,
  }));
}
