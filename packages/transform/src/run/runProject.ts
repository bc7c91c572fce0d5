// dbt's run, test, seed, snapshot and build commands: the selected nodes in dependency order,
// one at a time; `build` runs each node's tests right after it. A node that errors — or a test
// of error severity that fails — skips everything downstream of it, as dbt does.
import type { Warehouse } from "../adapters/warehouse";
import type { CompiledProject } from "../compile/compileProject";
import type { ExecutionOptions } from "../execute/compileNode";
import type { ExecutableNode, GraphNode, ResourceType } from "../graph/nodes";
import type { SelectableNode } from "../select/selectableNode";
import { selectNodes } from "../select/selectNodes";
import { executeNode, type NodeResult, skippedResult } from "./executeNode";

/** The commands, with dbt's names. */
export type Command = "run" | "test" | "seed" | "snapshot" | "build";

/** What a command runs. */
const RESOURCES: Readonly<Record<Command, readonly ResourceType[]>> = {
  run: ["model"],
  test: ["test"],
  seed: ["seed"],
  snapshot: ["snapshot"],
  build: ["model", "seed", "snapshot", "test"],
};

/** Options of one invocation. */
export interface RunOptions extends ExecutionOptions {
  readonly command: Command;
  /** `--select` expressions (dbt's syntax: `model`, `+model`, `model+`, `tag:x`…). */
  readonly select?: readonly string[];
  readonly exclude?: readonly string[];
  /** Stop at the first failure; the rest is skipped. */
  readonly failFast?: boolean;
  /** Called as each node finishes (for logs and progress). */
  readonly onResult?: (result: NodeResult, node: ExecutableNode) => void;
}

/** A finished invocation: dbt's run_results, in memory. */
export interface RunResults {
  readonly command: Command;
  readonly results: readonly NodeResult[];
  readonly startedAt: string;
  /** Seconds. */
  readonly elapsedTime: number;
  /** Whether anything errored or failed (warnings do not count, as in dbt's exit code). */
  readonly success: boolean;
}

/** The form node selection reads. */
export function selectableOf(project: CompiledProject, node: GraphNode): SelectableNode {
  return {
    uniqueId: node.uniqueId,
    name: node.name,
    resourceType: node.resourceType,
    packageName: project.project.name,
    tags: node.tags,
    path: node.path,
    fqn: node.fqn,
    materialized:
      node.resourceType === "source"
        ? null
        : typeof node.config.materialized === "string"
          ? node.config.materialized
          : node.resourceType,
    dependsOn: node.dependsOn,
    ...(node.resourceType === "test" ? { testType: node.testType } : {}),
  };
}

const isEphemeral = (node: GraphNode): boolean =>
  node.resourceType === "model" && node.config.materialized === "ephemeral";

/** The nodes `options` would execute, in the order they run. */
export function plannedNodes(
  project: CompiledProject,
  options: Pick<RunOptions, "command" | "select" | "exclude">,
): ExecutableNode[] {
  const chosen = new Set(
    selectNodes(
      project.nodes.map((node) => selectableOf(project, node)),
      { select: options.select ?? [], exclude: options.exclude ?? [] },
    ),
  );
  const kinds = RESOURCES[options.command];
  const nodes = project.nodes.filter(
    (node): node is ExecutableNode =>
      chosen.has(node.uniqueId) &&
      node.resourceType !== "source" &&
      kinds.includes(node.resourceType) &&
      !isEphemeral(node),
  );
  if (options.command !== "build") return nodes;
  // Each test right after the last of its parents that runs, before anything else.
  const tests = nodes.filter((n) => n.resourceType === "test");
  const placed = new Set<string>();
  const order: ExecutableNode[] = [];
  const runnable = new Set(nodes.map((n) => n.uniqueId));
  for (const node of nodes) {
    if (node.resourceType === "test") continue;
    order.push(node);
    placed.add(node.uniqueId);
    for (const test of tests)
      if (
        !placed.has(test.uniqueId) &&
        test.dependsOn.every((parent) => placed.has(parent) || !runnable.has(parent))
      ) {
        order.push(test);
        placed.add(test.uniqueId);
      }
  }
  for (const test of tests) if (!placed.has(test.uniqueId)) order.push(test);
  return order;
}

/** Runs the command; every planned node gets a result. */
export async function runProject(
  project: CompiledProject,
  warehouse: Warehouse,
  options: RunOptions,
): Promise<RunResults> {
  const started = new Date();
  const plan = plannedNodes(project, options);
  // Errored or skipped nodes: their tests and children are skipped.
  const broken = new Set<string>();
  // Parents of failed tests: their children are skipped, their other tests still run.
  const blockedByTest = new Set<string>();
  const results: NodeResult[] = [];
  let stop = false;
  for (const node of plan) {
    const upstream = node.resourceType === "test" ? broken : new Set([...broken, ...blockedByTest]);
    const failedParent = node.dependsOn.find((parent) => upstream.has(parent));
    let result: NodeResult;
    if (stop) result = skippedResult(node, "Skipped: --fail-fast stopped the run");
    else if (failedParent !== undefined)
      result = skippedResult(
        node,
        `Skipped because ${project.byId.get(failedParent)?.name ?? failedParent} failed upstream`,
      );
    else result = await executeNode(project, warehouse, node, options);
    if (result.status === "error" || result.status === "skipped") broken.add(node.uniqueId);
    if (result.status === "fail" && node.resourceType === "test")
      for (const parent of node.dependsOn) blockedByTest.add(parent);
    if (options.failFast === true && (result.status === "error" || result.status === "fail"))
      stop = true;
    results.push(result);
    options.onResult?.(result, node);
  }
  return {
    command: options.command,
    results,
    startedAt: started.toISOString(),
    elapsedTime: (Date.now() - started.getTime()) / 1000,
    success: results.every((r) => r.status !== "error" && r.status !== "fail"),
  };
}
