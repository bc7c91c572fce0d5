// An action's dry run: the task instances it would change, as the API lists them, so the user
// confirms knowing what happens.
import type { UseQueryResult } from "@tanstack/react-query";
import type { TaskInstanceResponseCollection } from "../../api/types";
import { ErrorMessage } from "../ErrorMessage";
import { Loading } from "../Loading";
import { StateBadge } from "../StateBadge";

/** Rows shown before "and N more". */
const SHOWN = 50;

export interface AffectedTaskInstancesProps {
  readonly preview: UseQueryResult<TaskInstanceResponseCollection>;
  /** "will be cleared", "will be marked success". */
  readonly outcome: string;
  /** What the list says when nothing would change. */
  readonly nothing: string;
}

export function AffectedTaskInstances({ preview, outcome, nothing }: AffectedTaskInstancesProps) {
  if (preview.isPending) return <Loading what="what this affects" />;
  if (preview.isError) return <ErrorMessage error={preview.error} />;
  const tis = preview.data.task_instances;
  if (tis.length === 0) return <p className="affected-summary">{nothing}</p>;
  return (
    <div className="affected" aria-busy={preview.isPlaceholderData || preview.isFetching}>
      <p className="affected-summary" role="status">
        {tis.length === 1 ? "1 task instance" : `${tis.length} task instances`} {outcome}:
      </p>
      <div className="table-wrap affected-list">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Task</th>
              <th scope="col">Map index</th>
              <th scope="col">Run</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {tis.slice(0, SHOWN).map((ti) => (
              <tr key={`${ti.dag_run_id}\u0000${ti.task_id}\u0000${ti.map_index}`}>
                <td>{ti.task_id}</td>
                <td>{ti.map_index >= 0 ? ti.map_index : "—"}</td>
                <td>{ti.dag_run_id}</td>
                <td>
                  <StateBadge state={ti.state} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {tis.length > SHOWN && <p className="muted">…and {tis.length - SHOWN} more.</p>}
    </div>
  );
}
