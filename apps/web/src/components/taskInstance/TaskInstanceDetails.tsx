// Everything else about a task instance (the Details tab): where and how it ran, and what the
// DAG says about its task — trigger rule, retries, timeouts, template fields — with its docs.
import type { Task, TaskInstanceResponse } from "../../api/types";
import { formatDate } from "../../format/formatDate";
import { formatDuration } from "../../format/formatDuration";
import { DagDocs } from "../../routes/dag/DagDocs";
import { FieldList } from "./FieldList";
import { timeDeltaSeconds } from "./timeDeltaSeconds";

const list = (items: readonly string[] | null) =>
  items === null || items.length === 0 ? null : items.join(", ");

export function TaskInstanceDetails({
  ti,
  task,
}: {
  readonly ti: TaskInstanceResponse;
  /** Undefined while it loads or when the DAG no longer has the task. */
  readonly task: Task | undefined;
}) {
  return (
    <div className="ti-details">
      <h2>Task instance</h2>
      <FieldList
        label="Task instance details"
        fields={[
          ["DAG", ti.dag_id],
          ["Run", ti.dag_run_id],
          ["Task", ti.task_id],
          ["Map index", ti.map_index >= 0 ? ti.map_index : null],
          ["Rendered map index", ti.rendered_map_index],
          ["Logical date", formatDate(ti.logical_date)],
          ["Run after", formatDate(ti.run_after)],
          ["Scheduled", formatDate(ti.scheduled_when)],
          ["Queued", formatDate(ti.queued_when)],
          ["Started", formatDate(ti.start_date)],
          ["Ended", formatDate(ti.end_date)],
          ["Duration", formatDuration(ti.duration)],
          ["Executor", ti.executor],
          ["Hostname", ti.hostname === "" ? null : ti.hostname],
          ["Unix name", ti.unixname],
          ["Process id", ti.pid],
          ["Pool slots", ti.pool_slots],
          ["Note", ti.note],
        ]}
      />
      {task !== undefined && (
        <>
          <h2>Task</h2>
          <FieldList
            label="Task definition"
            fields={[
              ["Operator", task.operator_name],
              ["Owner", task.owner],
              ["Trigger rule", task.trigger_rule],
              ["Retries", task.retries],
              ["Retry delay", formatDuration(timeDeltaSeconds(task.retry_delay))],
              ["Execution timeout", formatDuration(timeDeltaSeconds(task.execution_timeout))],
              ["Depends on past", task.depends_on_past ? "yes" : "no"],
              ["Mapped", task.is_mapped === true ? "yes" : "no"],
              ["Template fields", list(task.template_fields)],
              ["Downstream tasks", list(task.downstream_task_ids)],
            ]}
          />
          {task.doc_md !== null && task.doc_md !== "" && (
            <>
              <h2>Documentation</h2>
              <div className="card">
                <DagDocs docMd={task.doc_md} />
              </div>
            </>
          )}
        </>
      )}
    </div>
  );
}
