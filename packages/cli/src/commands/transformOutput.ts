// What `updraft transform run|test|build|seed|snapshot` prints, in dbt's words: one line per
// finished node (`3 of 7 OK created sql view model analytics.stg_vendas ..... [CREATE VIEW in
// 0.05s]`), then the totals, the failures with their messages, and `Done. PASS=… TOTAL=…`.
import {
  type CompiledProject,
  type ExecutableNode,
  type GraphNode,
  type NodeResult,
  relationOf,
  type RunResults,
  type Target,
} from "@updraft/transform";

/** dbt pads the node's description with dots to this width before the bracketed status. */
const LINE_WIDTH = 80;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** `analytics.stg_vendas`: how dbt names a relation in its log (no database). */
function relationText(node: ExecutableNode, target: Target): string {
  const relation = relationOf(node, target);
  return `${relation.schema}.${relation.identifier}`;
}

/** `view model`, `table model`, `incremental model`, `seed`, `snapshot` or `data test`. */
function kindOf(node: GraphNode): string {
  switch (node.resourceType) {
    case "model":
      return `${node.config.materialized} model`;
    case "test":
      return "data test";
    case "seed":
    case "snapshot":
    case "source":
      return node.resourceType;
  }
}

/** The text before the dots, and the status in brackets. */
function describeResult(
  node: ExecutableNode,
  result: NodeResult,
  target: Target,
): { text: string; status: string } {
  const relation = relationText(node, target);
  const { status } = result;
  if (node.resourceType === "test") {
    const failures = result.failures ?? 0;
    switch (status) {
      case "pass":
      case "success":
        return { text: `PASS ${node.name}`, status: "PASS" };
      case "warn":
        return { text: `WARN ${failures} ${node.name}`, status: `WARN ${failures}` };
      case "fail":
        return { text: `FAIL ${failures} ${node.name}`, status: `FAIL ${failures}` };
      case "error":
        return { text: `ERROR ${node.name}`, status: "ERROR" };
      case "skipped":
        return { text: `SKIP test ${node.name}`, status: "SKIP" };
    }
  }
  if (status === "skipped") return { text: `SKIP relation ${relation}`, status: "SKIP" };
  const ok = status !== "error" && status !== "fail";
  const [done, doing] =
    node.resourceType === "seed"
      ? ["loaded seed file", "loading seed file"]
      : node.resourceType === "snapshot"
        ? ["snapshotted", "snapshotting"]
        : [`created sql ${kindOf(node)}`, `creating sql ${kindOf(node)}`];
  return ok
    ? { text: `OK ${done} ${relation}`, status: result.message || "OK" }
    : { text: `ERROR ${doing} ${relation}`, status: "ERROR" };
}

/** The line printed when node `index` (1-based) of `total` finishes. */
export function resultLine(
  index: number,
  total: number,
  node: ExecutableNode,
  result: NodeResult,
  target: Target,
): string {
  const { text, status } = describeResult(node, result, target);
  const prefix = `${index} of ${total} ${text} `;
  const time = result.status === "skipped" ? "" : ` in ${result.executionTime.toFixed(2)}s`;
  return `${prefix.padEnd(LINE_WIDTH, ".")} [${status}${time}]`;
}

/** dbt's `Found 3 models, 2 data tests, 1 source`: the whole project, whatever is selected. */
export function foundLine(project: CompiledProject): string {
  const count = (type: GraphNode["resourceType"]): number =>
    project.nodes.filter((n) => n.resourceType === type).length;
  const parts = (
    [
      ["model", "model"],
      ["test", "data test"],
      ["seed", "seed"],
      ["snapshot", "snapshot"],
      ["source", "source"],
    ] as const
  )
    .map(([type, word]) => [count(type), word] as const)
    .filter(([n]) => n > 0)
    .map(([n, word]) => plural(n, word));
  return `Found ${parts.length > 0 ? parts.join(", ") : "nothing"}`;
}

/** `Finished running 1 view model, 2 data tests in 0.31s.` */
function finishedLine(nodes: readonly ExecutableNode[], seconds: number): string {
  const counts = new Map<string, number>();
  for (const node of nodes) counts.set(kindOf(node), (counts.get(kindOf(node)) ?? 0) + 1);
  const parts = [...counts].map(([kind, n]) => plural(n, kind));
  return `Finished running ${parts.join(", ")} in ${seconds.toFixed(2)}s.`;
}

/** dbt's stat names: a failed test counts as an ERROR, as in dbt's `Done.` line. */
function statOf(result: NodeResult): "PASS" | "WARN" | "ERROR" | "SKIP" {
  switch (result.status) {
    case "success":
    case "pass":
      return "PASS";
    case "warn":
      return "WARN";
    case "error":
    case "fail":
      return "ERROR";
    case "skipped":
      return "SKIP";
  }
}

/** `Failure in test x (tests/x.sql)` and its message, indented, for each error, failure and warning. */
function problemLines(nodes: ReadonlyMap<string, ExecutableNode>, run: RunResults): string[] {
  const lines: string[] = [];
  for (const result of run.results) {
    const node = nodes.get(result.uniqueId);
    const heading =
      result.status === "error"
        ? "Error in"
        : result.status === "fail"
          ? "Failure in"
          : result.status === "warn"
            ? "Warning in"
            : null;
    if (heading === null || node === undefined) continue;
    lines.push(
      "",
      `${heading} ${node.resourceType} ${node.name} (${node.path})`,
      ...result.message.split("\n").map((line) => `  ${line}`),
    );
  }
  return lines;
}

/** Everything printed after the last node: totals, problems, and the `Done.` line. */
export function summaryLines(nodes: readonly ExecutableNode[], run: RunResults): string[] {
  const stats = { PASS: 0, WARN: 0, ERROR: 0, SKIP: 0 };
  for (const result of run.results) stats[statOf(result)] += 1;
  const outcome =
    stats.ERROR === 0 && stats.WARN === 0
      ? "Completed successfully"
      : `Completed with ${plural(stats.ERROR, "error")} and ${plural(stats.WARN, "warning")}:`;
  const byId = new Map(nodes.map((n) => [n.uniqueId, n]));
  return [
    "",
    finishedLine(nodes, run.elapsedTime),
    "",
    outcome,
    ...problemLines(byId, run),
    "",
    `Done. PASS=${stats.PASS} WARN=${stats.WARN} ERROR=${stats.ERROR} SKIP=${stats.SKIP} TOTAL=${run.results.length}`,
  ];
}
