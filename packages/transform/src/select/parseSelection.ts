// Turns --select/--exclude text into a SelectionUnion, as dbt's cli.py and selector_spec.py
// read it: whitespace separates a union, commas an intersection, and each criterion is
// `[@][N+]method:value[+N]`. Stricter than dbt where dbt would quietly read a typo as a name:
// a "+" or "@" inside a value, or an empty value, is refused with the form expected.
import { TransformError } from "../transformError";
import type {
  Depth,
  SelectableConfigKey,
  SelectionCriterion,
  SelectionIntersection,
  SelectionUnion,
} from "./selectionSpec";
import { SELECTABLE_CONFIG_KEYS, SelectorMethod } from "./selectionSpec";

const FORM = "[@][N+]method:value[+N]";
const METHODS: readonly string[] = Object.values(SelectorMethod);
const METHOD_LIST = METHODS.map((m) => (m === SelectorMethod.CONFIG ? "config.<key>" : m)).join(
  ", ",
);

/** dbt methods this runner has no data for; named apart so the message says "not supported". */
const UNSUPPORTED_METHODS = new Set([
  "access",
  "exposure",
  "group",
  "metric",
  "result",
  "saved_query",
  "selector",
  "semantic_model",
  "source_status",
  "state",
  "test_name",
  "unit_test",
  "version",
  "wildcard",
]);

/** dbt's NodeType values: `resource_type:analysis` is valid there and simply matches nothing here. */
const RESOURCE_TYPES = [
  "model",
  "seed",
  "snapshot",
  "test",
  "source",
  "analysis",
  "operation",
  "sql_operation",
  "rpc",
  "doc",
  "macro",
  "exposure",
  "metric",
  "group",
  "saved_query",
  "semantic_model",
  "unit_test",
  "fixture",
];

/** dbt still accepts the pre-1.0 names of the two test types. */
const TEST_TYPES: Readonly<Record<string, string>> = {
  generic: "generic",
  schema: "generic",
  singular: "singular",
  data: "singular",
};

function invalid(selector: string, problem: string): TransformError {
  return new TransformError("INVALID_SELECTOR", `selector "${selector}": ${problem}`, {
    details: { selector },
  });
}

/**
 * Parses the values of --select (or --exclude): each may hold several space-separated
 * selectors (a CLI `--select "a b"`), and all of them form one union.
 * @throws TransformError INVALID_SELECTOR naming the malformed selector and the form expected.
 */
export function parseSelection(selectors: readonly string[]): SelectionUnion {
  const intersections = selectors.flatMap((argument) => {
    const parts = argument.split(/\s+/).filter((part) => part !== "");
    if (parts.length === 0) {
      throw invalid(argument, `the selector is empty; expected ${FORM}, e.g. stg_vendas+`);
    }
    return parts.map(parseIntersection);
  });
  return { intersections };
}

/** Parses comma-joined criteria (no whitespace inside). */
export function parseIntersection(raw: string): SelectionIntersection {
  const texts = raw.split(",");
  if (texts.includes("")) {
    throw invalid(
      raw,
      'an empty criterion beside ","; expected criteria joined by commas, e.g. tag:nightly,config.materialized:table',
    );
  }
  return { raw, criteria: texts.map(parseCriterion) };
}

/** Parses one criterion, `[@][N+]method:value[+N]`. */
export function parseCriterion(raw: string): SelectionCriterion {
  let rest = raw;
  const childrensParents = rest.startsWith("@");
  if (childrensParents) rest = rest.slice(1);
  const parents = /^(\d*)\+/.exec(rest);
  if (parents) rest = rest.slice(parents[0].length);
  const children = /\+(\d*)$/.exec(rest);
  if (children) rest = rest.slice(0, children.index);

  if (childrensParents && children) {
    throw invalid(
      raw,
      '"@" and a trailing "+" cannot be combined ("@" already adds every descendant); expected @name or name+',
    );
  }
  if (rest === "") {
    throw invalid(
      raw,
      `a graph operator with nothing to apply to; expected ${FORM}, e.g. +stg_vendas or tag:nightly+1`,
    );
  }
  if (rest.includes("+")) {
    throw invalid(
      raw,
      `"+" inside "${rest}": graph operators go at either end, with a depth in digits only; expected ${FORM}, e.g. 2+stg_vendas or stg_vendas+1`,
    );
  }
  if (rest.includes("@")) {
    throw invalid(raw, `"@" must come first; expected @name`);
  }
  return {
    raw,
    ...parseMethod(raw, rest),
    parents: parents !== null,
    parentsDepth: toDepth(parents?.[1]),
    children: children !== null,
    childrenDepth: toDepth(children?.[1]),
    childrensParents,
  };
}

function toDepth(digits: string | undefined): Depth {
  return digits === undefined || digits === "" ? null : Number(digits);
}

type ParsedMethod = Pick<SelectionCriterion, "method" | "configKey" | "value">;

function parseMethod(raw: string, text: string): ParsedMethod {
  // dbt's RAW_SELECTOR_PATTERN: a method is word characters and dots before the first colon.
  const match = /^([\w.]+):(.*)$/s.exec(text);
  if (!match) return { method: defaultMethod(text), configKey: null, value: text };
  const [, methodText = "", value = ""] = match;
  const [name = "", ...args] = methodText.split(".");
  if (!isSelectorMethod(name)) {
    const problem = UNSUPPORTED_METHODS.has(name)
      ? `method "${name}" is not supported by this runner`
      : `unknown method "${name}"`;
    throw invalid(raw, `${problem}; expected one of ${METHOD_LIST}`);
  }
  const configKey = name === SelectorMethod.CONFIG ? parseConfigKey(raw, args) : null;
  if (configKey === null && args.length > 0) {
    throw invalid(raw, `method "${name}" takes no ".${args.join(".")}"; expected ${name}:<value>`);
  }
  if (value === "") {
    throw invalid(raw, `an empty value after "${methodText}:"; expected ${methodText}:<value>`);
  }
  return { method: name, configKey, value: checkValue(raw, name, value) };
}

function isSelectorMethod(name: string): name is SelectorMethod {
  return METHODS.includes(name);
}

/** dbt's default method: a path if it has a separator, a file if it has a model/seed suffix. */
function defaultMethod(value: string): SelectorMethod {
  if (value.includes("/") || value.includes("\\")) return SelectorMethod.PATH;
  if (/\.(sql|py|csv)$/i.test(value)) return SelectorMethod.FILE;
  return SelectorMethod.FQN;
}

function parseConfigKey(raw: string, args: readonly string[]): SelectableConfigKey {
  const key = args.join(".");
  if (key === "") {
    throw invalid(
      raw,
      "config needs a key; expected config.<key>:<value>, e.g. config.materialized:view",
    );
  }
  const known = SELECTABLE_CONFIG_KEYS.find((k) => k === key);
  if (known === undefined) {
    const expected = SELECTABLE_CONFIG_KEYS.map((k) => `config.${k}`).join(", ");
    throw invalid(
      raw,
      `config key "${key}" is not available to selection; expected one of ${expected}`,
    );
  }
  return known;
}

/** Values with a closed form are checked now, so a typo fails before anything runs. */
function checkValue(raw: string, method: SelectorMethod, value: string): string {
  switch (method) {
    case SelectorMethod.SOURCE: {
      const parts = value.split(".");
      if (parts.length > 3 || parts.includes("")) {
        throw invalid(
          raw,
          "expected source:<source>, source:<source>.<table> or source:<package>.<source>.<table>",
        );
      }
      return value;
    }
    case SelectorMethod.TEST_TYPE: {
      const testType = TEST_TYPES[value];
      if (testType === undefined) {
        throw invalid(
          raw,
          `unknown test type "${value}"; expected test_type:generic or test_type:singular`,
        );
      }
      return testType;
    }
    case SelectorMethod.RESOURCE_TYPE:
      if (!RESOURCE_TYPES.includes(value)) {
        throw invalid(
          raw,
          `unknown resource type "${value}"; expected one of ${RESOURCE_TYPES.join(", ")}`,
        );
      }
      return value;
    case SelectorMethod.FQN:
    case SelectorMethod.TAG:
    case SelectorMethod.PATH:
    case SelectorMethod.FILE:
    case SelectorMethod.PACKAGE:
    case SelectorMethod.CONFIG:
      return value;
  }
}
