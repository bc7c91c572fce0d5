// dbt's node selection as one pure function: --select/--exclude text and the project's nodes
// in, the selected unique ids out, in the nodes' order. The caller filters by resource type.
import { TransformError } from "../transformError";
import type { IndirectSelection } from "./evaluateSelection";
import { evaluateSelection } from "./evaluateSelection";
import { parseSelection } from "./parseSelection";
import type { SelectableNode } from "./selectableNode";
import { buildSelectionGraph } from "./selectionGraph";

/** What to select, as dbt's CLI flags say it. */
export interface SelectionOptions {
  /**
   * --select values; each may hold several space-separated selectors (a union), each selector
   * comma-joined criteria (an intersection).
   * @default every node except sources (an empty list counts as none given, as in dbt)
   */
  readonly select?: readonly string[];
  /**
   * --exclude values, same syntax; removed last, after tests joined the selection, and
   * expanded to tests with the same `indirectSelection` as `select`.
   * @default nothing excluded
   */
  readonly exclude?: readonly string[];
  /**
   * --indirect-selection: which tests join because what they test was selected.
   * @default "eager"
   */
  readonly indirectSelection?: IndirectSelection;
}

/** The selection and, for dbt's "does not match any enabled nodes" warning, what found nothing. */
export interface SelectionResult {
  /** Selected unique ids, in the order of the input nodes. */
  readonly selected: string[];
  /** Selectors (space-separated parts of select or exclude) that matched no node. */
  readonly unmatched: string[];
}

const MODES: readonly IndirectSelection[] = ["eager", "cautious", "empty"];

/**
 * Selects nodes as `dbt ls --select … --exclude …` would, before filtering by resource type:
 * sources come back only when a selector reaches them (`source:raw`, `+model`, `tag:…`).
 * A selector that matches nothing is not an error (see `resolveSelection` for which did).
 * @throws TransformError INVALID_SELECTOR for a malformed selector or an unknown mode.
 */
export function selectNodes(
  nodes: readonly SelectableNode[],
  options: SelectionOptions = {},
): string[] {
  return resolveSelection(nodes, options).selected;
}

/** `selectNodes`, also reporting the selectors that matched nothing. */
export function resolveSelection(
  nodes: readonly SelectableNode[],
  options: SelectionOptions = {},
): SelectionResult {
  const mode = options.indirectSelection ?? "eager";
  if (!MODES.includes(mode)) {
    throw new TransformError(
      "INVALID_SELECTOR",
      `indirectSelection "${String(mode)}": expected one of ${MODES.join(", ")}`,
    );
  }
  // Parse both sides before touching the graph, so a bad exclude fails even when select is empty.
  const include = options.select?.length ? parseSelection(options.select) : null;
  const exclude = parseSelection(options.exclude ?? []);
  const graph = buildSelectionGraph(nodes);
  const { selected, unmatched } = evaluateSelection(graph, include, exclude, mode);
  return {
    selected: [...graph.nodes.keys()].filter((id) => selected.has(id)),
    unmatched: [...unmatched],
  };
}
