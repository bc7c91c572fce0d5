// A mapped task's instances in one run, by map index, each a link to its own page.
import { Link } from "react-router";
import type { TaskInstanceResponse } from "../../api/types";
import { formatDate } from "../../format/formatDate";
import { formatDuration } from "../../format/formatDuration";
import { taskInstancePath } from "../../routes/dag/dagPaths";
import { StateBadge } from "../StateBadge";

export function MappedTaskInstances({ tis }: { readonly tis: readonly TaskInstanceResponse[] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Map index</th>
            <th scope="col">Rendered map index</th>
            <th scope="col">State</th>
            <th scope="col">Try</th>
            <th scope="col">Started</th>
            <th scope="col">Duration</th>
          </tr>
        </thead>
        <tbody>
          {tis.map((ti) => (
            <tr key={ti.map_index}>
              <td>
                <Link to={taskInstancePath(ti.dag_id, ti.dag_run_id, ti.task_id, ti.map_index)}>
                  {ti.task_id} [{ti.map_index}]
                </Link>
              </td>
              <td>{ti.rendered_map_index ?? "—"}</td>
              <td>
                <StateBadge state={ti.state} />
              </td>
              <td>{ti.try_number}</td>
              <td>{formatDate(ti.start_date)}</td>
              <td>{formatDuration(ti.duration)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
