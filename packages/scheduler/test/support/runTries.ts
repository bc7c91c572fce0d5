// The ended tries of a run's task instances, as Airflow's tries endpoint sees them: the
// superseded tries in task_instance_history, then each task instance's current try once it has
// ended (it has no history row of its own).
import type { SqlClient } from "@updraft/store";

/** One ended try. */
export interface RunTry {
  task_id: string;
  try_number: number;
  state: string;
  start_date: Date;
  end_date: Date;
  hostname: string;
  pid: number;
}

const COLUMNS = "task_id, try_number, state, start_date, end_date, hostname, pid";

/** Every ended try of the run, ordered by task_id, try_number. */
export async function runTries(client: SqlClient, dagId: string, runId: string): Promise<RunTry[]> {
  const { rows } = await client.query<RunTry & Record<string, unknown>>(
    `select ${COLUMNS} from task_instance_history where dag_id = $1 and run_id = $2
     union all
     select ${COLUMNS} from task_instance ti where dag_id = $1 and run_id = $2
       and try_number > 0 and state in ('success', 'failed', 'skipped', 'up_for_retry')
       and not exists (select 1 from task_instance_history h where h.dag_id = ti.dag_id
         and h.run_id = ti.run_id and h.task_id = ti.task_id and h.map_index = ti.map_index
         and h.try_number = ti.try_number)
     order by task_id, try_number`,
    [dagId, runId],
  );
  return rows;
}
