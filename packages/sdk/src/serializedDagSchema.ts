// The JSON schema deserializeDag checks stored DAGs against (the shape of serializedDag.ts).

const str = { type: "string" } as const;
const nstr = { type: ["string", "null"] } as const;
const num = { type: "number" } as const;
const nnum = { type: ["number", "null"] } as const;
const bool = { type: "boolean" } as const;
const strs = { type: "array", items: str } as const;
const obj = { type: "object" } as const;
const asset = { type: "object", required: ["uri", "name", "group", "extra"] } as const;

const task = {
  type: "object",
  required: [
    "task_id",
    "operator_name",
    "task_group_id",
    "upstream_task_ids",
    "downstream_task_ids",
    "owner",
    "retries",
    "retry_delay",
    "retry_exponential_backoff",
    "max_retry_delay",
    "execution_timeout",
    "trigger_rule",
    "depends_on_past",
    "wait_for_downstream",
    "pool",
    "pool_slots",
    "priority_weight",
    "weight_rule",
    "queue",
    "email",
    "template_fields",
    "is_mapped",
    "outlets",
    "inlets",
    "fields",
  ],
  properties: {
    task_id: str,
    operator_name: str,
    task_group_id: nstr,
    upstream_task_ids: strs,
    downstream_task_ids: strs,
    owner: str,
    retries: { type: "integer", minimum: 0 },
    retry_delay: num,
    retry_exponential_backoff: num,
    max_retry_delay: nnum,
    execution_timeout: nnum,
    trigger_rule: str,
    depends_on_past: bool,
    wait_for_downstream: bool,
    pool: str,
    pool_slots: { type: "integer", minimum: 1 },
    priority_weight: num,
    weight_rule: { enum: ["downstream", "upstream", "absolute"] },
    queue: str,
    email: strs,
    template_fields: strs,
    template_field_values: obj,
    is_mapped: bool,
    outlets: { type: "array", items: asset },
    inlets: { type: "array", items: asset },
    fields: obj,
  },
} as const;

/** JSON schema of a SerializedDag (version 1). */
export const serializedDagSchema = {
  type: "object",
  required: ["__version", "dag"],
  properties: {
    __version: { const: 1 },
    dag: {
      type: "object",
      required: [
        "dag_id",
        "timetable",
        "timezone",
        "start_date",
        "end_date",
        "catchup",
        "tags",
        "params",
        "max_active_runs",
        "max_active_tasks",
        "tasks",
        "task_group",
      ],
      properties: {
        dag_id: str,
        dag_display_name: str,
        description: nstr,
        fileloc: nstr,
        timetable: { type: "object", required: ["type"] },
        timetable_summary: str,
        timetable_description: str,
        timezone: str,
        start_date: nstr,
        end_date: nstr,
        catchup: bool,
        tags: strs,
        owners: strs,
        params: obj,
        default_args: obj,
        max_active_runs: { type: "integer", minimum: 1 },
        max_active_tasks: { type: "integer", minimum: 1 },
        dagrun_timeout: nnum,
        doc_md: nstr,
        tasks: { type: "array", items: task },
        task_group: { type: "object", required: ["group_id", "children"] },
      },
    },
  },
} as const;
