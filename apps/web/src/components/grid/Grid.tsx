// The grid view: the newest runs as columns (oldest on the left, as Airflow draws them), the
// DAG's tasks and task groups as rows, each cell a task instance in its state's colour. Every
// cell is a link, so Tab walks the grid row by row.
import { useMemo, useState } from "react";
import {
  isUnfinished,
  useGridRuns,
  useGridStructure,
  useGridSummariesOfRuns,
} from "../../api/grid";
import type { GridTaskInstanceSummary } from "../../api/types";
import { useLiveEvents } from "../../api/useLiveEvents";
import { EmptyState } from "../EmptyState";
import { ErrorMessage } from "../ErrorMessage";
import { Loading } from "../Loading";
import { GridCell } from "./GridCell";
import { GridRunHeader } from "./GridRunHeader";
import { gridRows, groupIds } from "./gridRows";
import { GridTaskLabel } from "./GridTaskLabel";
import { useCollapsedGroups } from "./useCollapsedGroups";

export const RUN_COUNTS = [10, 25, 50] as const;

export function Grid({ dagId }: { readonly dagId: string }) {
  const [limit, setLimit] = useState<number>(25);
  const structure = useGridStructure(dagId);
  const runs = useGridRuns(dagId, limit);
  const columns = useMemo(() => [...(runs.data ?? [])].reverse(), [runs.data]);
  // The newest run still going is followed task instance by task instance (the DAG page's own
  // stream tells only of runs starting and finishing).
  const followed = runs.data?.find((run) => isUnfinished(run.state))?.run_id ?? null;
  useLiveEvents(followed === null ? null : { dag_id: dagId, dag_run_id: followed });
  const summaries = useGridSummariesOfRuns(dagId, columns, followed);
  const groups = useCollapsedGroups(dagId);
  const rows = useMemo(
    () => gridRows(structure.data ?? [], groups.collapsed),
    [structure.data, groups.collapsed],
  );
  const allGroups = useMemo(() => groupIds(structure.data ?? []), [structure.data]);
  const cellsByRun = useMemo(() => {
    const byRun = new Map<string, ReadonlyMap<string, GridTaskInstanceSummary>>();
    for (const [runId, run] of summaries)
      byRun.set(runId, new Map(run.task_instances.map((ti) => [ti.task_id, ti])));
    return byRun;
  }, [summaries]);

  if (structure.error !== null || runs.error !== null)
    return <ErrorMessage error={structure.error ?? runs.error} title="The grid cannot be shown" />;
  if (structure.data === undefined || runs.data === undefined) return <Loading what="the grid" />;

  // A mapped task's "[n]": its instances in the newest run that got to it (before that the
  // task is one unexpanded instance, which says nothing about n).
  const mappedCount = (taskId: string): number | undefined => {
    for (const run of [...columns].reverse()) {
      const cell = cellsByRun.get(run.run_id)?.get(taskId);
      if (cell !== undefined && cell.state !== null) return cell.task_count;
    }
    return undefined;
  };
  const longest = Math.max(0, ...columns.map((run) => run.duration ?? 0));
  return (
    <div className="grid-view">
      <div className="toolbar">
        <label className="inline">
          Runs shown
          <select value={limit} onChange={(event) => setLimit(Number(event.target.value))}>
            {RUN_COUNTS.map((count) => (
              <option key={count} value={count}>
                {count}
              </option>
            ))}
          </select>
        </label>
        {allGroups.length > 0 && (
          <>
            <button type="button" className="small" onClick={() => groups.setAll([])}>
              Expand all groups
            </button>
            <button type="button" className="small" onClick={() => groups.setAll(allGroups)}>
              Collapse all groups
            </button>
          </>
        )}
      </div>
      {columns.length === 0 ? (
        <EmptyState>
          This DAG has no runs yet. Use <strong>Trigger</strong> above to start one.
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState>This DAG has no tasks.</EmptyState>
      ) : (
        <div className="grid-scroll">
          <table className="grid-table">
            <caption className="grid-caption">
              Task instances of the {columns.length} newest runs, oldest on the left
            </caption>
            <thead>
              <tr>
                <th scope="col" className="grid-task grid-corner">
                  Task
                </th>
                {columns.map((run) => (
                  <GridRunHeader key={run.run_id} run={run} longest={longest} />
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.node.id} data-group={row.expanded === null ? undefined : ""}>
                  <GridTaskLabel
                    row={row}
                    mappedCount={row.node.is_mapped ? mappedCount(row.node.id) : undefined}
                    onToggle={groups.toggle}
                  />
                  {columns.map((run) => (
                    <GridCell
                      key={run.run_id}
                      dagId={dagId}
                      runId={run.run_id}
                      node={row.node}
                      summary={cellsByRun.get(run.run_id)?.get(row.node.id)}
                    />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
