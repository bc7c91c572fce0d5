// The grid's rows: the task tree flattened in the DAG's order, each with its depth, leaving out
// the children of collapsed groups (a collapsed group still shows its own summary row).
import type { GridNode } from "../../api/types";

export interface GridRow {
  readonly node: GridNode;
  readonly depth: number;
  /** Null for a task; whether the group's children show for a group. */
  readonly expanded: boolean | null;
}

export function gridRows(
  nodes: readonly GridNode[],
  collapsed: ReadonlySet<string>,
  depth = 0,
): GridRow[] {
  return nodes.flatMap((node): GridRow[] => {
    if (node.children === null) return [{ node, depth, expanded: null }];
    const expanded = !collapsed.has(node.id);
    const row: GridRow = { node, depth, expanded };
    return expanded ? [row, ...gridRows(node.children, collapsed, depth + 1)] : [row];
  });
}

/** Every group id in the tree, parents before children. */
export function groupIds(nodes: readonly GridNode[]): string[] {
  return nodes.flatMap((node) =>
    node.children === null ? [] : [node.id, ...groupIds(node.children)],
  );
}
