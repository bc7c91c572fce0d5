// Evaluates a parsed selection over the graph as dbt's NodeSelector does. Each criterion
// matches nodes and adds their graph relatives; then the tests on what it picked join by the
// indirect-selection mode. Intersections, unions and the final exclude combine those sets, and
// in cautious mode re-check the tests set aside, which may have all their parents by then.
import { matchesCriterion } from "./matchesCriterion";
import { parseCriterion } from "./parseSelection";
import type { SelectionGraph } from "./selectionGraph";
import { collectRelatives } from "./selectionGraph";
import type { SelectionCriterion, SelectionUnion } from "./selectionSpec";

/**
 * How tests join a selection without being selected themselves (dbt's --indirect-selection):
 * - `eager`: every test with ANY parent selected (dbt's default);
 * - `cautious`: only tests ALL of whose parents are selected;
 * - `empty`: none; only what the selectors themselves reach.
 */
export type IndirectSelection = "eager" | "cautious" | "empty";

/** What one selector picked: `direct` is final; `indirect` holds tests cautious mode set aside. */
interface Picked {
  readonly direct: ReadonlySet<string>;
  readonly indirect: ReadonlySet<string>;
}

/** The outcome: the selected ids, and the selectors that matched nothing (dbt warns on those). */
export interface Evaluation {
  readonly selected: ReadonlySet<string>;
  readonly unmatched: readonly string[];
}

/** Everything but sources, for the commands that execute nodes (dbt's default adds `source:*`, which only `ls` shows). */
const EVERYTHING: SelectionUnion = {
  intersections: [{ raw: "fqn:*", criteria: [parseCriterion("fqn:*")] }],
};

/**
 * Selects `include` (null: every node but sources) minus `exclude`. Both sides use the same
 * mode, as dbt's do, so excluding a model also excludes its tests in eager mode.
 */
export function evaluateSelection(
  graph: SelectionGraph,
  include: SelectionUnion | null,
  exclude: SelectionUnion,
  mode: IndirectSelection,
): Evaluation {
  const included = pickUnion(graph, include ?? EVERYTHING, mode);
  const excluded = pickUnion(graph, exclude, mode);
  const { direct } = combine(graph, [included.picked, excluded.picked], difference, mode);
  // The default include is no selector the user wrote, so it is never reported.
  const unmatched = [...(include === null ? [] : included.unmatched), ...excluded.unmatched];
  return { selected: direct, unmatched };
}

/** A union, and the raw text of each of its intersections that came out empty. */
function pickUnion(
  graph: SelectionGraph,
  union: SelectionUnion,
  mode: IndirectSelection,
): { picked: Picked; unmatched: string[] } {
  const unmatched: string[] = [];
  const picks = union.intersections.map((intersection) => {
    const criteria = intersection.criteria.map((c) => pickCriterion(graph, c, mode));
    const picked = combine(graph, criteria, intersect, mode);
    if (picked.direct.size === 0) unmatched.push(intersection.raw);
    return picked;
  });
  return { picked: combine(graph, picks, unite, mode), unmatched };
}

function pickCriterion(
  graph: SelectionGraph,
  criterion: SelectionCriterion,
  mode: IndirectSelection,
): Picked {
  const matched = new Set<string>();
  for (const node of graph.nodes.values()) {
    if (matchesCriterion(node, criterion)) matched.add(node.uniqueId);
  }
  const selected = new Set(matched);
  if (criterion.childrensParents) {
    const descendants = unite([matched, collectRelatives(graph, matched, "children", null)]);
    addAll(selected, descendants);
    addAll(selected, collectRelatives(graph, descendants, "parents", null));
  }
  if (criterion.parents) {
    addAll(selected, collectRelatives(graph, matched, "parents", criterion.parentsDepth));
  }
  if (criterion.children) {
    addAll(selected, collectRelatives(graph, matched, "children", criterion.childrenDepth));
  }
  return mode === "empty"
    ? { direct: selected, indirect: new Set() }
    : addTests(graph, selected, mode);
}

/** dbt's expand_selection: the tests directly below the selection join or wait aside. */
function addTests(
  graph: SelectionGraph,
  selected: ReadonlySet<string>,
  mode: IndirectSelection,
): Picked {
  const direct = new Set(selected);
  const indirect = new Set<string>();
  for (const id of collectRelatives(graph, selected, "children", 1)) {
    if (graph.nodes.get(id)?.resourceType !== "test") continue;
    if (mode === "eager" || hasAllParentsIn(graph, id, selected)) direct.add(id);
    else indirect.add(id);
  }
  return { direct, indirect };
}

/** Combines picks by a set operation; cautious mode then admits waiting tests now complete. */
function combine(
  graph: SelectionGraph,
  picks: readonly Picked[],
  operation: (sets: readonly ReadonlySet<string>[]) => Set<string>,
  mode: IndirectSelection,
): Picked {
  const direct = operation(picks.map((p) => p.direct));
  const indirect = operation(picks.map((p) => unite([p.direct, p.indirect])));
  if (mode === "cautious") {
    for (const id of indirect) {
      if (graph.nodes.get(id)?.resourceType === "test" && hasAllParentsIn(graph, id, direct)) {
        direct.add(id);
      }
    }
  }
  return { direct, indirect };
}

/** Every declared parent counts, so a parent missing from the node list keeps the test out. */
function hasAllParentsIn(
  graph: SelectionGraph,
  id: string,
  selected: ReadonlySet<string>,
): boolean {
  return (graph.nodes.get(id)?.dependsOn ?? []).every((parent) => selected.has(parent));
}

function addAll(target: Set<string>, items: Iterable<string>): void {
  for (const item of items) target.add(item);
}

function unite(sets: readonly ReadonlySet<string>[]): Set<string> {
  const result = new Set<string>();
  for (const set of sets) addAll(result, set);
  return result;
}

function intersect(sets: readonly ReadonlySet<string>[]): Set<string> {
  const [first, ...rest] = sets;
  return new Set([...(first ?? [])].filter((id) => rest.every((set) => set.has(id))));
}

/** The first set minus all the others (dbt's SelectionDifference). */
function difference(sets: readonly ReadonlySet<string>[]): Set<string> {
  const [first, ...rest] = sets;
  return new Set([...(first ?? [])].filter((id) => !rest.some((set) => set.has(id))));
}
