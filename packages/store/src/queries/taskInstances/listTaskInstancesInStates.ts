// listTaskInstancesInStates: task instances in some states across runs (e.g. every queued and
// running one, to re-enqueue after Redis lost its queues).
//   locks:   nothing
//   returns: task instances ordered by priority_weight desc, id
import type { TaskInstanceState } from "@updraft/sdk";
import { type TaskInstanceRow, taskInstanceFromRow } from "../../rows/taskInstanceRow";
import type { SqlClient } from "../../sqlClient";

/** Input of listTaskInstancesInStates. */
export interface ListTaskInstancesInStatesInput {
  readonly states: readonly TaskInstanceState[];
  /** Only this DAG's; all DAGs when omitted. */
  readonly dagId?: string;
  /** @default no limit */
  readonly limit?: number;
}

/** Lists task instances whose state is one of `states`. */
export async function listTaskInstancesInStates(
  client: SqlClient,
  input: ListTaskInstancesInStatesInput,
): Promise<TaskInstanceRow[]> {
  const result = await client.query(
    `select * from task_instance
     where state = any($1::text[]) and ($2::text is null or dag_id = $2)
     order by priority_weight desc, id
     limit $3`,
    [input.states, input.dagId ?? null, input.limit ?? null],
  );
  return result.rows.map(taskInstanceFromRow);
}
