// The top of a task instance page: where it is, what it is (task id, map index), its state, the
// actions the user's role allows, and the current try's facts at a glance.
import type { ReactNode } from "react";
import type { TaskInstanceResponse } from "../../api/types";
import { formatDate } from "../../format/formatDate";
import { formatDuration } from "../../format/formatDuration";
import { StateBadge } from "../StateBadge";
import { FieldList } from "./FieldList";
import { TaskInstanceBreadcrumbs } from "./TaskInstanceBreadcrumbs";

/** Airflow's max_tries counts the retries; the first try comes on top. */
function tryText(ti: TaskInstanceResponse): string {
  if (ti.try_number === 0) return "not started";
  return `${ti.try_number} of ${Math.max(ti.try_number, ti.max_tries + 1)}`;
}

export function TaskInstanceHeader({
  ti,
  actions,
}: {
  readonly ti: TaskInstanceResponse;
  readonly actions?: ReactNode;
}) {
  const mapped = ti.map_index >= 0;
  const rendered = ti.rendered_map_index;
  return (
    <header className="ti-header">
      <TaskInstanceBreadcrumbs
        dagId={ti.dag_id}
        dagDisplayName={ti.dag_display_name}
        runId={ti.dag_run_id}
        taskId={ti.task_id}
        mapIndex={ti.map_index}
      />
      <div className="page-header">
        <h1>
          {ti.task_id}
          {mapped && <span className="ti-map-index"> [{ti.map_index}]</span>}
          {mapped && rendered !== null && rendered !== String(ti.map_index) && (
            <small className="ti-rendered-map-index"> {rendered}</small>
          )}
        </h1>
        <StateBadge state={ti.state} />
        <span className="spacer" />
        {actions}
      </div>
      <FieldList
        label="Task instance summary"
        fields={[
          ["Try", tryText(ti)],
          ["Duration", formatDuration(ti.duration)],
          ["Started", formatDate(ti.start_date)],
          ["Ended", formatDate(ti.end_date)],
          ["Queued", formatDate(ti.queued_when)],
          ["Operator", ti.operator_name ?? ti.operator],
          ["Pool", `${ti.pool} (${ti.pool_slots === 1 ? "1 slot" : `${ti.pool_slots} slots`})`],
          ["Queue", ti.queue],
          ["Hostname", ti.hostname === "" ? null : ti.hostname],
          ["Priority", ti.priority_weight],
        ]}
      />
    </header>
  );
}
