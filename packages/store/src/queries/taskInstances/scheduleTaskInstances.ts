// scheduleTaskInstances: marks task instances whose dependencies are met as `scheduled`.
// Airflow counts a try when it schedules: try_number += 1 from no status or up_for_retry, not
// from up_for_reschedule (a rescheduled sensor continues the same try).
//   locks:   the updated `task_instance` rows (one statement per run: index probes for a few
//            keys, a hash join over the run for many)
//   writes:  state scheduled, try_number, scheduled_dttm = now — only for task instances whose
//            state is null, up_for_retry or up_for_reschedule (compare-and-set) and whose run
//            is running
//   returns: the scheduled task instances (with their try_number), in input order
//            (scheduleTaskInstancesCount: how many)
import {
  type TaskInstanceKey,
  type TaskInstanceRow,
  taskInstanceFromRow,
} from "../../rows/taskInstanceRow";
import type { Row, SqlClient } from "../../sqlClient";
import { prepared } from "../../preparedStatements";

/** Input of scheduleTaskInstances. */
export interface ScheduleTaskInstancesInput {
  readonly keys: readonly TaskInstanceKey[];
  /** The database clock when omitted. */
  readonly now?: Date;
}

/** The states a task instance `ti` is scheduled from. */
export const SCHEDULABLE_STATE = `(ti.state is null or ti.state in ('up_for_retry',
  'up_for_reschedule'))`;
/** `ti`'s try number once scheduled: a rescheduled sensor continues the same try. */
export const NEXT_TRY_NUMBER = `case when ti.state = 'up_for_reschedule' then ti.try_number
  else ti.try_number + 1 end`;

const SET = `set state = 'scheduled', updated_at = now(), try_number = ${NEXT_TRY_NUMBER},
  scheduled_dttm = coalesce($5::timestamptz, now())`;
const SCHEDULABLE = `${SCHEDULABLE_STATE}
  and r.dag_id = ti.dag_id and r.run_id = ti.run_id and r.state = 'running'`;

// Up to this many keys of a run (a chain's next task, a retry, the few tasks an upstream
// unblocked): one unique-key probe each, prepared once per connection. A pass of a long chain
// schedules one instance, and matching it by a hash join read every instance of the run.
const FEW_KEYS = 32;
const byKeyProbes = (returning: string) => `update task_instance ti ${SET}
  from unnest($3::text[], $4::int[]) as k(task_id, map_index), dag_run r
  where ti.dag_id = $1 and ti.run_id = $2 and ti.task_id = k.task_id
    and ti.map_index = k.map_index and ${SCHEDULABLE}
  returning ${returning}`;
// More keys: the run's instances are matched against them with a hash join, linear in the run's
// size whatever the planner knows about the table (a fresh 10,000-task run has no statistics
// yet, and a per-key probe plan then went quadratic). Unprepared: the plan follows the array.
const byHashJoin = (returning: string) => `update task_instance ti ${SET}
  from dag_run r
  where ti.dag_id = $1 and ti.run_id = $2
    and (ti.task_id, ti.map_index) in (select * from unnest($3::text[], $4::int[]))
    and ${SCHEDULABLE}
  returning ${returning}`;

// The rows, or only their ids: the scheduler needs how many, and the rows of a wide run's first
// pass (10,000 rows of 30 columns) took longer to receive and parse than to update.
const STATEMENTS = {
  rows: { probes: prepared(byKeyProbes("ti.*")), hashJoin: byHashJoin("ti.*") },
  ids: { probes: prepared(byKeyProbes("ti.id")), hashJoin: byHashJoin("ti.id") },
};

/** Runs the schedule statements, one per run of the keys; the updated rows, per run. */
async function schedule(
  client: SqlClient,
  input: ScheduleTaskInstancesInput,
  returning: keyof typeof STATEMENTS,
): Promise<Row[]> {
  const byRun = new Map<string, TaskInstanceKey[]>();
  for (const key of input.keys) {
    const runKey = `${key.dagId}\u0000${key.runId}`;
    const list = byRun.get(runKey) ?? [];
    list.push(key);
    byRun.set(runKey, list);
  }
  const statements = STATEMENTS[returning];
  const rows: Row[] = [];
  for (const keys of byRun.values()) {
    const first = keys[0]!;
    const result = await client.query(
      keys.length <= FEW_KEYS ? statements.probes : statements.hashJoin,
      [
        first.dagId,
        first.runId,
        keys.map((k) => k.taskId),
        keys.map((k) => k.mapIndex),
        input.now ?? null,
      ],
    );
    for (const row of result.rows) rows.push(row);
  }
  return rows;
}

/** Moves schedulable task instances to `scheduled`; others are left untouched. */
export async function scheduleTaskInstances(
  client: SqlClient,
  input: ScheduleTaskInstancesInput,
): Promise<TaskInstanceRow[]> {
  if (input.keys.length === 0) return [];
  const order = new Map(
    input.keys.map((k, i) => [`${k.dagId}\u0000${k.runId}\u0000${k.taskId}\u0000${k.mapIndex}`, i]),
  );
  const rows = (await schedule(client, input, "rows")).map(taskInstanceFromRow);
  // Each row's position once, not once per comparison (thousands of rows in a wide run's pass).
  const positioned = rows.map((ti) => ({
    ti,
    at: order.get(`${ti.dagId}\u0000${ti.runId}\u0000${ti.taskId}\u0000${ti.mapIndex}`) ?? 0,
  }));
  return positioned.sort((a, b) => a.at - b.at).map((p) => p.ti);
}

/** scheduleTaskInstances answering only how many task instances it scheduled. */
export async function scheduleTaskInstancesCount(
  client: SqlClient,
  input: ScheduleTaskInstancesInput,
): Promise<number> {
  if (input.keys.length === 0) return 0;
  return (await schedule(client, input, "ids")).length;
}
