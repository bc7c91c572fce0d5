// ClearTaskInstancesBody as Airflow 3 validates it: no unknown fields, dry_run true by default,
// only_failed true by default, reset_dag_runs true by default; task_ids a non-empty list of
// task ids or [task_id, map_index] pairs; start_date/end_date with a time zone; a dag_run_id
// excludes start_date/end_date; only_failed and only_running exclude each other.
import { z } from "zod";
import { ApiError } from "../http/apiError";
import { dateTimeInput } from "../http/dateTimeInput";
import { parseInput } from "../http/validation";

const flag = (fallback: boolean) =>
  z.boolean({ error: "Input should be a valid boolean" }).default(fallback);

const awareDateTime = dateTimeInput({ aware: true }).nullable().default(null);

const taskMarker = z.union([
  z.string(),
  z.tuple([z.string(), z.number().int({ error: "Input should be a valid integer" })]),
]);

const schema = z
  .object(
    {
      dry_run: flag(true),
      start_date: awareDateTime,
      end_date: awareDateTime,
      only_failed: flag(true),
      only_running: flag(false),
      reset_dag_runs: flag(true),
      task_ids: z
        .array(taskMarker, { error: "Input should be a valid list" })
        .nullable()
        .default(null),
      dag_run_id: z.string({ error: "Input should be a valid string" }).nullable().default(null),
      include_upstream: flag(false),
      include_downstream: flag(false),
      include_future: flag(false),
      include_past: flag(false),
      // Updraft keeps one version of each DAG: a clear always runs on it.
      run_on_latest_version: flag(false),
      prevent_running_task: flag(false),
    },
    { error: "Input should be a valid dictionary or object to extract fields from" },
  )
  .strict();

/** A parsed ClearTaskInstancesBody. */
export type ClearTaskInstancesBody = z.output<typeof schema>;

function refuse(msg: string): ApiError {
  return new ApiError("VALIDATION_ERROR", [{ loc: ["body"], msg, type: "value_error" }]);
}

/** The body, validated as Airflow's model and its model validator do. */
export function parseClearTaskInstancesBody(raw: unknown): ClearTaskInstancesBody {
  const body = parseInput(schema, raw, "body");
  const given = raw as Record<string, unknown>;
  if (given.only_failed === true && given.only_running === true)
    throw refuse("Value error, only_failed and only_running both are set to True");
  if (body.start_date !== null && body.end_date !== null && body.start_date > body.end_date)
    throw refuse("Value error, end_date is sooner than start_date");
  if (body.dag_run_id !== null && (body.start_date !== null || body.end_date !== null))
    throw refuse(
      `Value error, Exactly one of dag_run_id or ${body.start_date === null ? "end_date" : body.end_date === null ? "start_date" : "(start_date and end_date)"} must be provided`,
    );
  if (body.task_ids !== null && body.task_ids.length === 0)
    throw refuse("Value error, task_ids list should have at least 1 element.");
  // Airflow applies only_failed's default even beside only_running, which then matches nothing;
  // asking only for running ones means just that.
  return given.only_running === true && given.only_failed === undefined
    ? { ...body, only_failed: false }
    : body;
}
