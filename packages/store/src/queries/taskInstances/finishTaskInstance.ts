// finishTaskInstances: running tries end, in one statement. A stale try (the task instance was
// cleared, failed as a zombie or moved on) changes nothing.
//   locks:   the `task_instance` row
//   writes:  state (success | failed | skipped | up_for_retry | up_for_reschedule), end_date = now,
//            duration, next_retry_at (up_for_retry only) — only if state = 'running' and
//            try_number = tryNumber; then for up_for_retry (the next try supersedes this one)
//            a `task_instance_history` row copying the try, for up_for_reschedule (the try
//            continues later) a `task_reschedule` row (a try that ends success, failed or
//            skipped is its task instance's current try: no history row); the given log
//            lines and rendered fields; notifies SCHEDULER_CHANNEL on commit ("task_due_later"
//            when a try ended up_for_retry or up_for_reschedule, else "task_finished")
//   returns: per input, the finished task instance, or null when it was not running with that try
//            (finishTries: per input, whether its try ended here, without the rows)
import {
  distinctTaskInstanceKeysJson,
  type TaskInstanceKey,
  type TaskInstanceRow,
  taskInstanceFromRow,
} from "../../rows/taskInstanceRow";
import type { Row, SqlClient } from "../../sqlClient";
import { SCHEDULER_CHANNEL } from "../../notifications";
import type { TaskLogLine } from "../logs/appendTaskLogs";
import { StoreError } from "../../storeError";
import { prepared } from "../../preparedStatements";
import { BY_FOUND_ID, FOUND_BY_KEY, stateIsUnindexed } from "./foundByKey";
import { HISTORY_COLUMNS } from "./taskInstanceHistory";

/** How the try ended. */
export type TaskInstanceOutcome =
  | { readonly state: "success" | "failed" | "skipped" }
  /** nextRetryAt: engine's nextRetryDatetime of this try. */
  | { readonly state: "up_for_retry"; readonly nextRetryAt: Date }
  /** rescheduleDate: when the sensor pokes again. */
  | { readonly state: "up_for_reschedule"; readonly rescheduleDate: Date };

/** Input of finishTaskInstance. */
export type FinishTaskInstanceInput = TaskInstanceKey &
  TaskInstanceOutcome & {
    /** The try that ran; it must be the task instance's current, running try. */
    readonly tryNumber: number;
    /** The try's last log lines, written in the same statement (so none is lost or late). */
    readonly logLines?: readonly TaskLogLine[];
    /** The rendered template fields, upserted into rendered_task_instance_fields. */
    readonly renderedFields?: Readonly<Record<string, unknown>>;
    /** The database clock when omitted. */
    readonly now?: Date;
  };

const OUTCOMES = new Set(["success", "failed", "skipped", "up_for_retry", "up_for_reschedule"]);

/**
 * Ends running tries with their outcomes; per input, in input order, the finished task instance
 * or null when the try is not the running one (or the same key came earlier in the list). One
 * statement (one round trip, atomic, one commit however many tries): the compare-and-sets, the
 * history rows of retried tries or the reschedule rows, the tries' last log lines and rendered
 * fields when given, and one
 * wake-up of the scheduler. A worker batches the outcomes of the tries that ended together.
 */
export async function finishTaskInstances(
  client: SqlClient,
  inputs: readonly FinishTaskInstanceInput[],
): Promise<(TaskInstanceRow | null)[]> {
  const results: (TaskInstanceRow | null)[] = inputs.map(() => null);
  const rows = await runFinish(client, inputs, RETURNING_ROWS);
  for (const row of rows) results[row.input_ord as number] = taskInstanceFromRow(row);
  return results;
}

/**
 * finishTaskInstances for a caller that only needs to know which tries it ended (a worker):
 * per input, true when its try was the running one and ended here. The finished rows are not
 * sent back (thirty columns a try, eight of them timestamps to parse).
 */
export async function finishTries(
  client: SqlClient,
  inputs: readonly FinishTaskInstanceInput[],
): Promise<boolean[]> {
  const ended = inputs.map(() => false);
  for (const row of await runFinish(client, inputs, RETURNING_ORDS))
    ended[row.input_ord as number] = true;
  return ended;
}

// One statement for both: the final select chooses what comes back. It reads `wake`, so the
// NOTIFY is sent (a CTE that only selects runs when it is read).
const finishStatement = (returning: string): string =>
  prepared(`with input as (
       select * from jsonb_to_recordset($1::jsonb) as k(ord int, dag_id text, run_id text,
         task_id text, map_index int, try_number int, state text, now timestamptz,
         next_retry_at timestamptz, reschedule_date timestamptz, lines jsonb, rendered jsonb)
     ), ${FOUND_BY_KEY}, updated as (
       update task_instance ti set state = k.state, updated_at = now(),
         end_date = coalesce(k.now, now()),
         duration = extract(epoch from coalesce(k.now, now())
           - coalesce(ti.start_date, k.now, now())),
         next_retry_at = k.next_retry_at
       from found k
       where ${BY_FOUND_ID} and ${stateIsUnindexed("ti", "running")}
         and ti.try_number = k.try_number
       returning ti.*, k.ord as input_ord, k.reschedule_date as input_reschedule_date,
         k.lines as input_lines, k.rendered as input_rendered
     ), history as (
       insert into task_instance_history (task_instance_id, ${HISTORY_COLUMNS})
       select id, ${HISTORY_COLUMNS} from updated where state = 'up_for_retry'
       on conflict on constraint task_instance_history_key do update set
         state = excluded.state, end_date = excluded.end_date, duration = excluded.duration
     ), reschedule as (
       insert into task_reschedule (task_instance_id, try_number, start_date, end_date,
         duration, reschedule_date)
       select id, try_number, coalesce(start_date, end_date), end_date, duration,
         input_reschedule_date
       from updated where state = 'up_for_reschedule'
     ), logs as (
       insert into task_log (dag_id, run_id, task_id, map_index, try_number, timestamp, level,
         message)
       select u.dag_id, u.run_id, u.task_id, u.map_index, u.try_number,
         coalesce((l.line->>'timestamp')::timestamptz, now()), l.line->>'level',
         l.line->>'message'
       from updated u cross join jsonb_array_elements(u.input_lines) with ordinality as l(line, ord)
       order by u.input_ord, l.ord
     ), rendered as (
       insert into rendered_task_instance_fields (dag_id, run_id, task_id, map_index,
         rendered_fields)
       select dag_id, run_id, task_id, map_index, input_rendered from updated
       where input_rendered is not null and input_rendered <> 'null'::jsonb
       on conflict (dag_id, run_id, task_id, map_index)
         do update set rendered_fields = excluded.rendered_fields
     ), wake as (
       select pg_notify($2, case when exists (select 1 from updated
           where state in ('up_for_retry', 'up_for_reschedule'))
         then 'task_due_later' else 'task_finished' end)
       where exists (select 1 from updated)
     )
     select ${returning}, (select count(*) from wake) as woken from updated`);
const RETURNING_ROWS = finishStatement("updated.*");
const RETURNING_ORDS = finishStatement("updated.input_ord");

async function runFinish(
  client: SqlClient,
  inputs: readonly FinishTaskInstanceInput[],
  statement: string,
): Promise<Row[]> {
  for (const input of inputs) {
    if (!OUTCOMES.has(input.state)) {
      throw new StoreError(
        "INVALID_INPUT",
        `state: expected one of ${[...OUTCOMES].join(", ")}, got ${String(input.state)}`,
      );
    }
  }
  const { json, count } = distinctTaskInstanceKeysJson(inputs, (input) => ({
    tryNumber: input.tryNumber,
    state: input.state,
    now: input.now?.toISOString() ?? null,
    nextRetryAt: input.state === "up_for_retry" ? input.nextRetryAt.toISOString() : null,
    rescheduleDate: input.state === "up_for_reschedule" ? input.rescheduleDate.toISOString() : null,
    lines: (input.logLines ?? []).map((l) => ({
      timestamp: l.timestamp?.toISOString() ?? null,
      level: l.level ?? "info",
      message: l.message.replace(/\0/g, "\uFFFD"),
    })),
    rendered: input.renderedFields ?? null,
  }));
  if (count === 0) return [];
  const result = await client.query(statement, [json, SCHEDULER_CHANNEL]);
  return result.rows;
}

/** Ends one running try (finishTaskInstances of one); null when it is not the running one. */
export async function finishTaskInstance(
  client: SqlClient,
  input: FinishTaskInstanceInput,
): Promise<TaskInstanceRow | null> {
  const [finished] = await finishTaskInstances(client, [input]);
  return finished ?? null;
}
