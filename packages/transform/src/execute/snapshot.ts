// PLACEHOLDER replaced by the snapshot implementation.
import type { Warehouse } from "../adapters/warehouse";
import type { CompiledProject } from "../compile/compileProject";
import type { SnapshotNode } from "../graph/nodes";
import type { ExecutionOptions } from "./compileNode";

/** What taking a snapshot did. */
export interface SnapshotOutcome {
  readonly message: string;
  readonly rowsAffected: number | null;
  readonly compiledSql: string;
}

export function takeSnapshot(
  _project: CompiledProject,
  _warehouse: Warehouse,
  _node: SnapshotNode,
  _options: ExecutionOptions = {},
): Promise<SnapshotOutcome> {
  return Promise.reject(new Error("snapshots are not implemented yet"));
}
