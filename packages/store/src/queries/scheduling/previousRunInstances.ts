// previousRunInstances: the task instances of the run before a given one (by logical date), for
// depends_on_past and wait_for_downstream (Airflow's DagRun.get_previous_dagrun).
//   reads:   `dag_run` and `task_instance` of one DAG
//   locks:   none
//            (only scheduled runs when `scheduledOnly`, Airflow's rule under catchup)
//   returns: null when there is no earlier run (or the run has no logical date); else the
//            states of the previous run's instances of the given tasks, by task id
import type { TaskInstanceStateOrNone } from "@updraft/sdk";
import type { SqlClient } from "../../sqlClient";

/** The previous run's instance states of some tasks. */
export async function previousRunInstances(
  client: SqlClient,
  input: {
    readonly dagId: string;
    readonly logicalDate: Date | null;
    readonly taskIds: readonly string[];
    /** Only scheduled runs count as previous. @default false */
    readonly scheduledOnly?: boolean;
  },
): Promise<Map<string, TaskInstanceStateOrNone[]> | null> {
  if (input.logicalDate === null) return null;
  const previous = await client.query<{ run_id: string }>(
    `select run_id from dag_run where dag_id = $1 and logical_date < $2
       and (not $3::boolean or run_type = 'scheduled')
     order by logical_date desc limit 1`,
    [input.dagId, input.logicalDate, input.scheduledOnly ?? false],
  );
  const runId = previous.rows[0]?.run_id;
  if (runId === undefined) return null;
  const result = await client.query<{ task_id: string; state: TaskInstanceStateOrNone }>(
    `select task_id, state from task_instance
     where dag_id = $1 and run_id = $2 and task_id = any($3::text[])
     order by task_id, map_index`,
    [input.dagId, runId, input.taskIds],
  );
  const byTask = new Map<string, TaskInstanceStateOrNone[]>();
  for (const row of result.rows) {
    const list = byTask.get(row.task_id) ?? [];
    list.push(row.state);
    byTask.set(row.task_id, list);
  }
  return byTask;
}
