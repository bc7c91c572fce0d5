// Executes one node — builds a model, loads a seed, takes a snapshot or runs a test — and
// reports it as a dbt run result (status, timing, message, compiled SQL). A failure is a
// result, not an exception: the caller decides what it blocks.
import type { Warehouse } from "../adapters/warehouse";
import type { CompiledProject } from "../compile/compileProject";
import type { ExecutableNode } from "../graph/nodes";
import { relationOf } from "../graph/relations";
import type { ExecutionOptions } from "../execute/compileNode";
import { loadSeed } from "../execute/loadSeed";
import { buildModel } from "../execute/materializeModel";
import { runTest } from "../execute/runTest";
import { takeSnapshot } from "../execute/snapshot";

/** dbt's result statuses: nodes succeed or error, tests pass, warn or fail; any may be skipped. */
export type NodeStatus = "success" | "error" | "skipped" | "pass" | "fail" | "warn";

/** One phase's timing, as in run_results.json. */
export interface Timing {
  readonly name: "compile" | "execute";
  readonly startedAt: string;
  readonly completedAt: string;
}

/** One executed (or skipped) node. */
export interface NodeResult {
  readonly uniqueId: string;
  readonly status: NodeStatus;
  readonly message: string;
  readonly timing: readonly Timing[];
  /** Seconds. */
  readonly executionTime: number;
  readonly rowsAffected: number | null;
  /** Failing rows of a test; null for other nodes. */
  readonly failures: number | null;
  readonly compiledSql: string | null;
  readonly relationName: string | null;
}

/** A result for a node that did not run. */
export function skippedResult(node: ExecutableNode, reason: string): NodeResult {
  return {
    uniqueId: node.uniqueId,
    status: "skipped",
    message: reason,
    timing: [],
    executionTime: 0,
    rowsAffected: null,
    failures: null,
    compiledSql: null,
    relationName: null,
  };
}

/** Whether a result blocks what depends on it. */
export const isFailure = (result: NodeResult): boolean =>
  result.status === "error" || result.status === "fail" || result.status === "skipped";

/** Runs `node` and reports what happened. */
export async function executeNode(
  project: CompiledProject,
  warehouse: Warehouse,
  node: ExecutableNode,
  options: ExecutionOptions = {},
): Promise<NodeResult> {
  const started = new Date();
  const relationName =
    node.resourceType === "test" ? null : warehouse.render(relationOf(node, warehouse.target));
  const finish = (
    status: NodeStatus,
    message: string,
    extra: Partial<Pick<NodeResult, "rowsAffected" | "failures" | "compiledSql">> = {},
  ): NodeResult => {
    const completed = new Date();
    return {
      uniqueId: node.uniqueId,
      status,
      message,
      timing: [
        { name: "execute", startedAt: started.toISOString(), completedAt: completed.toISOString() },
      ],
      executionTime: (completed.getTime() - started.getTime()) / 1000,
      rowsAffected: extra.rowsAffected ?? null,
      failures: extra.failures ?? null,
      compiledSql: extra.compiledSql ?? null,
      relationName,
    };
  };
  try {
    switch (node.resourceType) {
      case "model": {
        const build = await buildModel(project, warehouse, node, options);
        return finish("success", build.message, {
          rowsAffected: build.rowsAffected,
          compiledSql: build.compiledSql,
        });
      }
      case "seed": {
        const rows = await loadSeed(warehouse, node);
        return finish("success", `INSERT ${rows}`, { rowsAffected: rows });
      }
      case "snapshot": {
        const snapshot = await takeSnapshot(project, warehouse, node, options);
        return finish("success", snapshot.message, {
          rowsAffected: snapshot.rowsAffected,
          compiledSql: snapshot.compiledSql,
        });
      }
      case "test": {
        const outcome = await runTest(project, warehouse, node, options);
        return finish(outcome.status, outcome.message, {
          failures: outcome.failures,
          compiledSql: outcome.compiledSql,
        });
      }
    }
  } catch (error) {
    return finish("error", error instanceof Error ? error.message : String(error));
  }
}
