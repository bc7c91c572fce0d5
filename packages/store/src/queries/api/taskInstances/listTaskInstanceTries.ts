// listTaskInstanceTries: every try of one task instance (Airflow's TaskInstanceHistory plus the
// current try). A superseded try (it ended up_for_retry, or was cleared) has a
// `task_instance_history` row; the current one is the `task_instance` row itself, which wins over
// a history row of the same try — except after a clear (no status, try_number not yet
// increased), when the history row tells how that try ended.
//   reads:   `task_instance` and `task_instance_history` of (dag_id, run_id, task_id, map_index),
//            the `serialized_dag` (display and operator names)
//   locks:   none
//   returns: the tries ordered by try_number; empty when the task instance does not exist
import type { TaskInstanceStateOrNone } from "@updraft/sdk";
import type { TaskInstanceKey } from "../../../rows/taskInstanceRow";
import type { Row, SqlClient } from "../../../sqlClient";
import { dagDisplayNameSql, operatorNameSql } from "./taskInstanceResponseRow";

/** One try of a task instance, as Airflow's TaskInstanceHistoryResponse shows it. */
export interface TaskInstanceTryRow extends TaskInstanceKey {
  readonly tryNumber: number;
  readonly maxTries: number;
  readonly state: TaskInstanceStateOrNone;
  readonly startDate: Date | null;
  readonly endDate: Date | null;
  readonly duration: number | null;
  readonly hostname: string | null;
  readonly unixname: string | null;
  readonly pid: number | null;
  readonly pool: string;
  readonly poolSlots: number;
  readonly queue: string;
  readonly priorityWeight: number;
  readonly operator: string | null;
  readonly queuedDttm: Date | null;
  readonly scheduledDttm: Date | null;
  readonly executor: string | null;
  /** The task instance's executor_config ({} for tries read from history, which keeps none). */
  readonly executorConfig: Readonly<Record<string, unknown>>;
  readonly dagDisplayName: string;
  readonly operatorName: string | null;
  /** True for the `task_instance` row (the current try), false for a history row. */
  readonly isCurrent: boolean;
}

const COLUMNS = `dag_id, run_id, task_id, map_index, try_number, max_tries, state, start_date,
  end_date, duration, hostname, unixname, pid, pool, pool_slots, queue, priority_weight,
  operator, queued_dttm, scheduled_dttm, executor`;

const date = (value: unknown): Date | null => (value === null ? null : (value as Date));
const num = (value: unknown): number | null => (value === null ? null : Number(value));

function tryFromRow(row: Row): TaskInstanceTryRow {
  return {
    dagId: row.dag_id as string,
    runId: row.run_id as string,
    taskId: row.task_id as string,
    mapIndex: Number(row.map_index),
    tryNumber: Number(row.try_number),
    maxTries: Number(row.max_tries),
    state: row.state as TaskInstanceStateOrNone,
    startDate: date(row.start_date),
    endDate: date(row.end_date),
    duration: num(row.duration),
    hostname: row.hostname as string | null,
    unixname: row.unixname as string | null,
    pid: num(row.pid),
    pool: row.pool as string,
    poolSlots: Number(row.pool_slots),
    queue: row.queue as string,
    priorityWeight: Number(row.priority_weight),
    operator: row.operator as string | null,
    queuedDttm: date(row.queued_dttm),
    scheduledDttm: date(row.scheduled_dttm),
    executor: row.executor as string | null,
    executorConfig: (row.executor_config as Record<string, unknown> | null) ?? {},
    dagDisplayName: row.dag_display_name as string,
    operatorName: (row.operator_name as string | null) ?? null,
    isCurrent: row.is_current === true,
  };
}

/** Lists the tries of one task instance. */
export async function listTaskInstanceTries(
  client: SqlClient,
  key: TaskInstanceKey,
): Promise<TaskInstanceTryRow[]> {
  const result = await client.query(
    `with ti as (
       select ${COLUMNS}, executor_config from task_instance
       where dag_id = $1 and run_id = $2 and task_id = $3 and map_index = $4
     ), h as (
       select ${COLUMNS}, '{}'::jsonb as executor_config from task_instance_history
       where dag_id = $1 and run_id = $2 and task_id = $3 and map_index = $4
     ), tries as (
       select h.*, false as is_current from h
       where not exists (
         select 1 from ti where ti.try_number = h.try_number and ti.state is not null)
       union all
       select ti.*, true as is_current from ti
       where ti.state is not null
         or not exists (select 1 from h where h.try_number = ti.try_number)
     )
     select tries.*, ${dagDisplayNameSql("tries")} as dag_display_name,
       ${operatorNameSql("tries")} as operator_name
     from tries left join serialized_dag sd on sd.dag_id = tries.dag_id
     order by tries.try_number`,
    [key.dagId, key.runId, key.taskId, key.mapIndex],
  );
  return result.rows.map(tryFromRow);
}
