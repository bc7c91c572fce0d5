// expandMappedTaskInstance: a mapped task's placeholder (map_index -1) becomes map_index 0 and
// instances 1..count-1 are added beside it, all with no status (Airflow's expand_mapped_task).
//   locks:   the task's `task_instance` rows of the run (one statement each)
//   writes:  map_index -1 → 0; inserts copies for 1..count-1 (same pool, queue, weight, tries)
//   returns: how many instances the task has now; 0 when there was no placeholder (already
//            expanded by another scheduler: nothing changes)
import type { SqlClient } from "../../sqlClient";

/** Input of expandMappedTaskInstance. */
export interface ExpandMappedTaskInstanceInput {
  readonly dagId: string;
  readonly runId: string;
  readonly taskId: string;
  /** At least 1 (an empty expansion skips the placeholder instead). */
  readonly count: number;
}

/** Expands the placeholder of a mapped task into `count` instances. */
export async function expandMappedTaskInstance(
  client: SqlClient,
  input: ExpandMappedTaskInstanceInput,
): Promise<number> {
  return client.transaction(async (tx) => {
    const moved = await tx.query(
      `update task_instance set map_index = 0, updated_at = now()
       where dag_id = $1 and run_id = $2 and task_id = $3 and map_index = -1 and state is null
       returning id`,
      [input.dagId, input.runId, input.taskId],
    );
    if (moved.rowCount === 0) return 0;
    await tx.query(
      `insert into task_instance (dag_id, run_id, task_id, map_index, try_number, max_tries,
         state, pool, pool_slots, queue, priority_weight, operator)
       select ti.dag_id, ti.run_id, ti.task_id, i, 0, ti.max_tries, null, ti.pool, ti.pool_slots,
         ti.queue, ti.priority_weight, ti.operator
       from task_instance ti cross join generate_series(1, $4::int - 1) as i
       where ti.dag_id = $1 and ti.run_id = $2 and ti.task_id = $3 and ti.map_index = 0`,
      [input.dagId, input.runId, input.taskId, input.count],
    );
    return input.count;
  });
}
