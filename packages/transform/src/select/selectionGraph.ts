// The project graph as adjacency maps, built once per selection, and the walks the graph
// operators need: ancestors and descendants to a depth, breadth first as dbt's networkx calls.
import type { Depth } from "./selectionSpec";
import type { SelectableNode } from "./selectableNode";

/** Nodes by unique id, with both directions of every edge between known nodes. */
export interface SelectionGraph {
  /** In input order, which is the order results come back in. */
  readonly nodes: ReadonlyMap<string, SelectableNode>;
  readonly parents: ReadonlyMap<string, readonly string[]>;
  readonly children: ReadonlyMap<string, readonly string[]>;
}

/** Builds the graph; edges to ids missing from `nodes` are dropped, as dbt's graph has none. */
export function buildSelectionGraph(nodes: readonly SelectableNode[]): SelectionGraph {
  const byId = new Map(nodes.map((node) => [node.uniqueId, node]));
  const parents = new Map<string, string[]>();
  const children = new Map<string, string[]>();
  for (const id of byId.keys()) {
    parents.set(id, []);
    children.set(id, []);
  }
  for (const node of byId.values()) {
    for (const parent of new Set(node.dependsOn)) {
      if (!byId.has(parent)) continue;
      parents.get(node.uniqueId)?.push(parent);
      children.get(parent)?.push(node.uniqueId);
    }
  }
  return { nodes: byId, parents, children };
}

/**
 * The nodes reachable from `start` along `direction` within `depth` steps (null: any).
 * A start node is in the result only if another start node reaches it, as with dbt's
 * bfs_edges; callers add the start set themselves.
 */
export function collectRelatives(
  graph: SelectionGraph,
  start: Iterable<string>,
  direction: "parents" | "children",
  depth: Depth,
): Set<string> {
  const edges = graph[direction];
  const reached = new Set<string>();
  const seen = new Set(start);
  let frontier = [...seen];
  for (let step = 0; frontier.length > 0 && (depth === null || step < depth); step += 1) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const relative of edges.get(id) ?? []) {
        reached.add(relative);
        if (seen.has(relative)) continue;
        seen.add(relative);
        next.push(relative);
      }
    }
    frontier = next;
  }
  return reached;
}
