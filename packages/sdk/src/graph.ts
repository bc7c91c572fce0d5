// Graph checks over a DAG's task ids, with graphology: find a cycle (and name its path) and
// give a stable topological order.
import { DirectedGraph } from "graphology";
import { stronglyConnectedComponents } from "graphology-components";

/** A directed graph given as node ids and each node's downstream ids. */
export interface GraphInput {
  readonly nodes: readonly string[];
  readonly downstreamOf: (id: string) => Iterable<string>;
}

function build(input: GraphInput): DirectedGraph {
  const graph = new DirectedGraph({ allowSelfLoops: true });
  for (const id of input.nodes) graph.addNode(id);
  for (const id of input.nodes)
    for (const down of input.downstreamOf(id)) graph.mergeEdge(id, down);
  return graph;
}

/**
 * A cycle as a path that starts and ends on the same node (`["a", "b", "a"]`), or null.
 * Deterministic: starts from the smallest id of the first cyclic component found.
 */
export function findCycle(input: GraphInput): string[] | null {
  const graph = build(input);
  const selfLoop = [...input.nodes].sort().find((id) => graph.hasEdge(id, id));
  if (selfLoop !== undefined) return [selfLoop, selfLoop];
  const cyclic = stronglyConnectedComponents(graph)
    .filter((component) => component.length > 1)
    .map((component) => [...component].sort())
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1))[0];
  if (!cyclic) return null;
  const members = new Set(cyclic);
  // Walk inside the component, always taking the smallest next member, until a node repeats.
  const path = [cyclic[0]!];
  const seenAt = new Map([[cyclic[0]!, 0]]);
  for (;;) {
    const here = path[path.length - 1]!;
    const next = graph
      .outNeighbors(here)
      .filter((n) => members.has(n))
      .sort()[0]!;
    const earlier = seenAt.get(next);
    if (earlier !== undefined) return [...path.slice(earlier), next];
    seenAt.set(next, path.length);
    path.push(next);
  }
}

/** Node ids in dependency order (ties broken by id), or null when the graph has a cycle. */
export function topologicalOrder(input: GraphInput): string[] | null {
  const graph = build(input);
  const indegree = new Map(input.nodes.map((id) => [id, graph.inDegree(id)]));
  const ready = input.nodes.filter((id) => indegree.get(id) === 0).sort();
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(id);
    for (const down of graph.outNeighbors(id).sort()) {
      const left = indegree.get(down)! - 1;
      indegree.set(down, left);
      if (left === 0) {
        ready.push(down);
        ready.sort();
      }
    }
  }
  return order.length === input.nodes.length ? order : null;
}
