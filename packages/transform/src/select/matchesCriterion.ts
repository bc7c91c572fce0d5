// What each selector method matches on one node, after dbt's selector_methods.py: which nodes a
// method looks at (fqn skips sources, source looks only at them) and how values compare (glob
// for names, tags, packages and files; equality for config values).
import { fnmatch, hasWildcard, pathMatchesGlob } from "./fnmatch";
import type { SelectableConfigKey, SelectionCriterion } from "./selectionSpec";
import { SelectorMethod } from "./selectionSpec";
import type { SelectableNode } from "./selectableNode";

/** Does `node` satisfy the criterion's method and value (graph operators aside)? */
export function matchesCriterion(node: SelectableNode, criterion: SelectionCriterion): boolean {
  const { value } = criterion;
  switch (criterion.method) {
    case SelectorMethod.FQN:
      // dbt searches manifest.nodes here, and sources live apart from them.
      return node.resourceType !== "source" && matchesQualifiedName(node.fqn, value);
    case SelectorMethod.TAG:
      return node.tags.some((tag) => fnmatch(tag, value));
    case SelectorMethod.PATH:
      return matchesPath(node.path, value);
    case SelectorMethod.FILE:
      return matchesFile(node.path, value);
    case SelectorMethod.PACKAGE:
      return fnmatch(node.packageName, value);
    case SelectorMethod.CONFIG:
      return criterion.configKey !== null && matchesConfig(node, criterion.configKey, value);
    case SelectorMethod.RESOURCE_TYPE:
      return node.resourceType === value;
    case SelectorMethod.SOURCE:
      return node.resourceType === "source" && matchesSource(node, value);
    case SelectorMethod.TEST_TYPE:
      return node.resourceType === "test" && testTypeOf(node) === value;
  }
}

/**
 * dbt's fqn method: the selector names the node (its last fqn part), or is a dotted prefix of
 * its fqn, with or without the package in front; from the first part holding a wildcard, the
 * rest of the fqn is globbed as one dotted string (so `staging.*` and `*.stg_*` work, while a
 * bare `stg_*` only reaches nodes at the top of their package).
 */
export function matchesQualifiedName(fqn: readonly string[], selector: string): boolean {
  return isSelectedByFqn(fqn, selector) || isSelectedByFqn(fqn.slice(1), selector);
}

function isSelectedByFqn(fqn: readonly string[], selector: string): boolean {
  if (fqn.length === 0) return false;
  if (fqn[fqn.length - 1] === selector) return true;
  // Dots in a name act as separators, as in dbt.
  const flat = fqn.flatMap((segment) => segment.split("."));
  const parts = selector.split(".");
  if (flat.length < parts.length) return false;
  for (const [i, part] of parts.entries()) {
    if (hasWildcard(part)) return fnmatch(flat.slice(i).join("."), parts.slice(i).join("."));
    if (flat[i] !== part) return false;
  }
  return true;
}

/** A path selects the file itself or any file below a folder it names (globs allowed). */
function matchesPath(path: string, selector: string): boolean {
  const pattern = selector
    .replace(/\\/g, "/")
    .replace(/^(\.\/)+/, "")
    .replace(/\/+$/, "");
  if (pattern === ".") return true;
  // pathlib refuses empty and absolute patterns; they match nothing here.
  if (pattern === "" || pattern.startsWith("/")) return false;
  const segments = path.split("/");
  return segments.some((_, end) => pathMatchesGlob(segments.slice(0, end + 1).join("/"), pattern));
}

/** The file method compares the file's name, or its name without the extension. */
function matchesFile(path: string, selector: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return fnmatch(name, selector) || fnmatch(stem, selector);
}

function matchesConfig(node: SelectableNode, key: SelectableConfigKey, selector: string): boolean {
  switch (key) {
    case "materialized":
      return node.materialized === selector;
    case "tags":
      // A list config matches when it holds the value, compared exactly (no wildcards).
      return node.tags.includes(selector);
  }
}

/** `source:s`, `source:s.t` or `source:pkg.s.t`, each part a glob; the parser checked the form. */
function matchesSource(node: SelectableNode, selector: string): boolean {
  const parts = selector.split(".");
  const [pkg, source, table] = parts.length === 3 ? parts : ["*", parts[0] ?? "*", parts[1] ?? "*"];
  // A source's fqn ends in source name and table name, whatever folders come before.
  const sourceName = node.fqn[node.fqn.length - 2] ?? "";
  return (
    fnmatch(node.packageName, pkg ?? "*") &&
    fnmatch(sourceName, source ?? "*") &&
    fnmatch(node.name, table ?? "*")
  );
}

/** Where dbt finds each kind: generic tests in schema YAML, singular ones as .sql files. */
function testTypeOf(node: SelectableNode): "generic" | "singular" {
  return node.testType ?? (node.path.endsWith(".sql") ? "singular" : "generic");
}
