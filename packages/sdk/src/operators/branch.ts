// Class-based and TaskFlow branch operators: the task returns the id(s) to follow.
import type { TaskContext } from "../context";
import { BaseOperator } from "../operator";
import { TaskFlowOperator } from "../taskflow";
import { type BranchChoice, followBranch } from "./branching";

/** Subclass and implement chooseBranch (Airflow's BaseBranchOperator). */
export abstract class BaseBranchOperator extends BaseOperator<BranchChoice> {
  /** The task or group id(s) to follow; null follows none. */
  abstract chooseBranch(context: TaskContext): BranchChoice | Promise<BranchChoice>;

  override async execute(context: TaskContext): Promise<BranchChoice> {
    return followBranch(this, context, await this.chooseBranch(context));
  }

  override serializeFields(): Record<string, unknown> {
    return { is_branch: true };
  }
}

/** The operator behind `task.branch(...)`. */
export class BranchTaskFlowOperator extends TaskFlowOperator<BranchChoice> {
  override get operatorName(): string {
    return "@task.branch";
  }

  override async execute(context: TaskContext): Promise<BranchChoice> {
    return followBranch(this, context, await super.execute(context));
  }

  override serializeFields(): Record<string, unknown> {
    return { ...super.serializeFields(), is_branch: true };
  }
}
