// A row's name: a task's label indented under its group, "[n]" after a mapped task (its instances
// in the newest run that reached it), and for a group a button that collapses or expands it.
import type { GridRow } from "./gridRows";

export function GridTaskLabel({
  row,
  mappedCount,
  onToggle,
}: {
  readonly row: GridRow;
  /** How many instances the mapped task has in the newest run that reached it. */
  readonly mappedCount: number | undefined;
  readonly onToggle: (groupId: string) => void;
}) {
  const { node, depth, expanded } = row;
  return (
    <th scope="row" className="grid-task" style={{ paddingLeft: `${0.5 + depth * 1.1}rem` }}>
      {expanded === null ? (
        <span className="grid-task-name" title={node.id}>
          {node.label}
          {node.is_mapped && <span className="grid-mapped"> [{mappedCount ?? " "}]</span>}
        </span>
      ) : (
        <button
          type="button"
          className="ghost small grid-group-toggle"
          aria-expanded={expanded}
          aria-label={`${expanded ? "Collapse" : "Expand"} ${node.id}`}
          title={node.id}
          onClick={() => onToggle(node.id)}
        >
          <span aria-hidden>{expanded ? "▾" : "▸"}</span>
          {node.label}
        </button>
      )}
    </th>
  );
}
