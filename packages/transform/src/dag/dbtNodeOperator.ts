// The task that runs nodes of a dbt-style project (Cosmos' DbtRunOperator / DbtTestOperator /
// DbtSeedOperator / DbtSnapshotOperator in one): it opens the warehouse of its connection,
// executes its nodes in order, logs each result with its compiled SQL, and fails the task when a
// node errors or a test of error severity fails — so retries and trigger rules apply as usual.
import {
  AirflowException,
  BaseOperator,
  type OperatorOptions,
  type TaskContext,
} from "@updraft/sdk";
import { openWarehouse } from "../adapters/openWarehouse";
import type { Target } from "../adapters/warehouse";
import type { CompiledProject } from "../compile/compileProject";
import type { ExecutableNode } from "../graph/nodes";
import { executeNode, type NodeResult } from "../run/executeNode";

/** Options of a DbtNodeOperator. */
export interface DbtNodeOperatorOptions extends OperatorOptions {
  readonly project: CompiledProject;
  /** Unique ids of the nodes to execute, in order. */
  readonly nodeIds: readonly string[];
  /** The warehouse connection (duckdb, snowflake or postgres); a DAG param may override it. */
  readonly connId: string;
  readonly target?: Partial<Target>;
}

/** What a node task pushes to XCom: one line per node. */
export interface DbtNodeSummary {
  readonly unique_id: string;
  readonly status: NodeResult["status"];
  readonly message: string;
  readonly execution_time: number;
  readonly failures: number | null;
}

/** Runs nodes of a project against the warehouse of a connection. */
export class DbtNodeOperator extends BaseOperator<DbtNodeSummary[]> {
  static override readonly uiColor = "#ff694b";
  static override readonly uiFgColor = "#fff";

  readonly nodeIds: readonly string[];
  readonly connId: string;
  readonly project: CompiledProject;
  readonly target: Partial<Target>;

  constructor(options: DbtNodeOperatorOptions) {
    super(options);
    for (const id of options.nodeIds)
      if (!options.project.byId.has(id))
        throw new AirflowException(
          `task "${this.taskId}".nodeIds: ${id} is not a node of the project`,
        );
    this.nodeIds = options.nodeIds;
    this.connId = options.connId;
    this.project = options.project;
    this.target = options.target ?? {};
  }

  override async execute(context: TaskContext): Promise<DbtNodeSummary[]> {
    const connId =
      typeof context.params.warehouse_conn_id === "string"
        ? context.params.warehouse_conn_id
        : this.connId;
    const fullRefresh = context.params.full_refresh === true;
    const warehouse = await openWarehouse(await context.runtime.connection(connId), this.target);
    const summaries: DbtNodeSummary[] = [];
    const failed: string[] = [];
    try {
      for (const id of this.nodeIds) {
        const node = this.project.byId.get(id) as ExecutableNode;
        context.log.info(`Running ${node.resourceType} ${node.name} (${id})`);
        const result = await executeNode(this.project, warehouse, node, { fullRefresh });
        if (result.compiledSql !== null) context.log.info(`Compiled SQL:\n${result.compiledSql}`);
        const line = `${node.name}: ${result.status.toUpperCase()} ${result.message} in ${result.executionTime.toFixed(2)}s`;
        if (result.status === "error" || result.status === "fail") {
          context.log.error(line);
          failed.push(`${node.name} (${result.status}: ${result.message})`);
        } else if (result.status === "warn") context.log.warn(line);
        else context.log.info(line);
        summaries.push({
          unique_id: id,
          status: result.status,
          message: result.message,
          execution_time: result.executionTime,
          failures: result.failures,
        });
      }
    } finally {
      await warehouse.close();
    }
    if (failed.length > 0)
      throw new AirflowException(`${failed.length} node(s) failed: ${failed.join("; ")}`);
    return summaries;
  }
}
