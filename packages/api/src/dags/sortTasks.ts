// GET /dags/{dag_id}/tasks's `order_by`: one attribute of the task (`-` for descending), as
// Airflow sorts the DAG's tasks by `attrgetter(order_by)`; an attribute tasks do not have is a
// 400 naming it as Python's AttributeError does. Nulls sort last; task_id breaks ties.
import { badRequest } from "../http/apiError";
import type { TaskResponseBody } from "./taskResponse";
import type { TimeDelta } from "./timeDelta";

type Value = TaskResponseBody[keyof TaskResponseBody];

const isTimeDelta = (value: Value): value is TimeDelta =>
  typeof value === "object" && value !== null && "__type" in value;

const totalMicros = (t: TimeDelta): number =>
  (t.days * 86_400 + t.seconds) * 1_000_000 + t.microseconds;

function compare(a: Value, b: Value): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  if (isTimeDelta(a) && isTimeDelta(b)) return totalMicros(a) - totalMicros(b);
  const x = typeof a === "string" ? a : JSON.stringify(a);
  const y = typeof b === "string" ? b : JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

// A record rather than a list, so the compiler checks every TaskResponse field is here.
const ATTRIBUTES: Readonly<Record<keyof TaskResponseBody, true>> = {
  task_id: true,
  task_display_name: true,
  owner: true,
  start_date: true,
  end_date: true,
  trigger_rule: true,
  depends_on_past: true,
  wait_for_downstream: true,
  retries: true,
  queue: true,
  pool: true,
  pool_slots: true,
  execution_timeout: true,
  retry_delay: true,
  retry_exponential_backoff: true,
  priority_weight: true,
  weight_rule: true,
  ui_color: true,
  ui_fgcolor: true,
  template_fields: true,
  downstream_task_ids: true,
  doc_md: true,
  operator_name: true,
  params: true,
  class_ref: true,
  is_mapped: true,
  extra_links: true,
};

const isAttribute = (name: string): name is keyof TaskResponseBody =>
  Object.hasOwn(ATTRIBUTES, name);

/** `tasks` sorted as `orderBy` says (default task_id); 400 for an unknown attribute. */
export function sortTasks(
  tasks: readonly TaskResponseBody[],
  orderBy = "task_id",
): TaskResponseBody[] {
  const descending = orderBy.startsWith("-");
  const name = descending ? orderBy.slice(1) : orderBy;
  if (!isAttribute(name))
    throw badRequest(`'SerializedBaseOperator' object has no attribute '${name}'`);
  const key = name;
  return [...tasks].sort((a, b) => {
    const order = compare(a[key], b[key]);
    const directed = descending && a[key] !== null && b[key] !== null ? -order : order;
    return directed !== 0 ? directed : compare(a.task_id, b.task_id);
  });
}
