// The parsed form of --select/--exclude text, dbt's shape: a union (space) of intersections
// (comma) of criteria, each a method and value with optional graph operators around it.

/** The selector methods this runner evaluates, under dbt's names. */
export const SelectorMethod = {
  FQN: "fqn",
  TAG: "tag",
  PATH: "path",
  FILE: "file",
  PACKAGE: "package",
  CONFIG: "config",
  RESOURCE_TYPE: "resource_type",
  SOURCE: "source",
  TEST_TYPE: "test_type",
} as const;
export type SelectorMethod = (typeof SelectorMethod)[keyof typeof SelectorMethod];

/** The config keys `config.<key>:value` can compare; SelectableNode carries no others. */
export const SELECTABLE_CONFIG_KEYS = ["materialized", "tags"] as const;
export type SelectableConfigKey = (typeof SELECTABLE_CONFIG_KEYS)[number];

/** How far a `+` reaches: a number of generations, or all of them (null). */
export type Depth = number | null;

/** One criterion: `[@][N+]method[.key]:value[+N]`, e.g. `2+tag:nightly+1`. */
export interface SelectionCriterion {
  /** The criterion's text as written, for messages. */
  readonly raw: string;
  readonly method: SelectorMethod;
  /** The key of `config.<key>:value`; null for every other method. */
  readonly configKey: SelectableConfigKey | null;
  readonly value: string;
  /** `+m`: add ancestors, up to `parentsDepth` generations. */
  readonly parents: boolean;
  readonly parentsDepth: Depth;
  /** `m+`: add descendants, up to `childrenDepth` generations. */
  readonly children: boolean;
  readonly childrenDepth: Depth;
  /** `@m`: add descendants and every ancestor of those descendants. */
  readonly childrensParents: boolean;
}

/** Comma-joined criteria: a node must satisfy all of them. */
export interface SelectionIntersection {
  readonly raw: string;
  readonly criteria: readonly SelectionCriterion[];
}

/** Space-separated (or listed) intersections: a node may satisfy any of them. */
export interface SelectionUnion {
  readonly intersections: readonly SelectionIntersection[];
}
