// Branching and short-circuiting: a task decides at run time which of its downstream tasks run;
// the others are marked skipped and the skip spreads through trigger rules, as in Airflow.
import type { TaskContext } from "../context";
import { UpdraftError } from "../errors";
import type { BaseOperator } from "../operator";

/** What a branch returns: one task or group id, several, or null to skip every branch. */
export type BranchChoice = string | readonly string[] | null | undefined;

/**
 * The direct downstream tasks of `branch` to skip when `choice` is taken. A group id stands for
 * the group's root tasks. Unknown or non-downstream ids are an error, as in Airflow.
 */
export function branchSkipIds(branch: BaseOperator, choice: BranchChoice): string[] {
  const chosen =
    choice === null || choice === undefined
      ? []
      : typeof choice === "string"
        ? [choice]
        : [...choice];
  const downstream = branch.downstreamTaskIds;
  const follow = new Set<string>();
  for (const id of chosen) {
    if (typeof id !== "string")
      throw new UpdraftError(
        "TASK_FAILED",
        `branch "${branch.taskId}": returned ${JSON.stringify(id)}, expected task ids`,
      );
    const roots = branch.dag.hasGroup(id) ? groupRootIds(branch, id) : [id];
    for (const root of roots) {
      if (!downstream.has(root))
        throw new UpdraftError(
          "TASK_FAILED",
          `branch "${branch.taskId}": "${id}" is not a valid task id or is not directly downstream ` +
            `(downstream: ${[...downstream].sort().join(", ") || "none"})`,
        );
      follow.add(root);
    }
  }
  return [...downstream].filter((id) => !follow.has(id)).sort();
}

function groupRootIds(branch: BaseOperator, groupId: string): string[] {
  const inGroup = branch.dag.tasks.filter((t) => t.taskId.startsWith(`${groupId}.`));
  const ids = new Set(inGroup.map((t) => t.taskId));
  return inGroup
    .filter((t) => ![...t.upstreamTaskIds].some((u) => ids.has(u)))
    .map((t) => t.taskId);
}

/** Skips the branches not chosen and returns the choice (pushed to XCom, as Airflow). */
export async function followBranch(
  branch: BaseOperator,
  context: TaskContext,
  choice: BranchChoice,
): Promise<BranchChoice> {
  const skip = branchSkipIds(branch, choice);
  if (skip.length > 0) {
    context.log.info(
      `Following branch ${JSON.stringify(choice ?? null)}; skipping ${skip.join(", ")}`,
    );
    await context.ti.skipTasks(skip);
  }
  return choice ?? null;
}

/**
 * The tasks a short-circuit skips when its condition is falsy: every task downstream when
 * `ignoreDownstreamTriggerRules` (Airflow's default), else only the direct downstream.
 */
export function shortCircuitSkipIds(
  task: BaseOperator,
  ignoreDownstreamTriggerRules: boolean,
): string[] {
  const ids = ignoreDownstreamTriggerRules
    ? task.dag.descendantsOf(task.taskId)
    : task.downstreamTaskIds;
  return [...ids].sort();
}

/** Applies a short-circuit's condition: skips downstream when falsy; returns the condition. */
export async function applyShortCircuit<T>(
  task: BaseOperator,
  context: TaskContext,
  condition: T,
  ignoreDownstreamTriggerRules: boolean,
): Promise<T> {
  if (condition) {
    context.log.info("Condition is truthy: proceeding with downstream tasks");
    return condition;
  }
  const skip = shortCircuitSkipIds(task, ignoreDownstreamTriggerRules);
  context.log.info(`Condition is falsy: skipping ${skip.join(", ") || "nothing"}`);
  if (skip.length > 0) await context.ti.skipTasks(skip);
  return condition;
}
