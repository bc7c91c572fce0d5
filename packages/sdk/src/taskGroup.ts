// Task groups: a named box of tasks. Child ids are prefixed `group.task` as in Airflow; a group
// on either side of `.then()` stands for its root or leaf tasks.
import type { Dag } from "./dag";
import { currentTaskGroup, requireDag, validateKey, withTaskGroup } from "./dagContext";
import { Chainable } from "./dependencies";
import { DagDefinitionError } from "./errors";
import type { BaseOperator } from "./operator";

/** Options of taskGroup(). */
export interface TaskGroupOptions {
  /** Prefix child ids with the group id. @default true */
  prefixGroupId?: boolean;
  /** Shown when hovering the group in the UI. @default "" */
  tooltip?: string;
  uiColor?: string;
  uiFgColor?: string;
  /** Join this DAG when created outside a dag() builder. */
  dag?: Dag;
}

/** A group of tasks (and nested groups) within a DAG. */
export class TaskGroup extends Chainable {
  readonly __updraftTaskGroup = true as const;
  /** Full id including parents (`extract.vendas`), or null for a DAG's root group. */
  readonly groupId: string | null;
  readonly dag: Dag;
  readonly parent: TaskGroup | null;
  readonly prefixGroupId: boolean;
  readonly tooltip: string;
  readonly uiColor: string;
  readonly uiFgColor: string;
  private readonly members: (BaseOperator | TaskGroup)[] = [];

  constructor(
    dag: Dag,
    groupId: string | null,
    parent: TaskGroup | null,
    options: TaskGroupOptions = {},
  ) {
    super();
    this.dag = dag;
    this.parent = parent;
    this.prefixGroupId = options.prefixGroupId ?? true;
    this.groupId = groupId === null ? null : (parent?.childId(groupId) ?? groupId);
    this.tooltip = options.tooltip ?? "";
    this.uiColor = options.uiColor ?? "CornflowerBlue";
    this.uiFgColor = options.uiFgColor ?? "#000";
  }

  /** The id a child named `id` gets inside this group. */
  childId(id: string): string {
    if (this.groupId === null || !this.prefixGroupId)
      return this.parent ? this.parent.childId(id) : id;
    return `${this.groupId}.${id}`;
  }

  /** Adds a task or nested group (called by their constructors). */
  addChild(child: BaseOperator | TaskGroup): void {
    this.members.push(child);
  }

  /** Direct children: tasks and nested groups, in creation order. */
  get children(): readonly (BaseOperator | TaskGroup)[] {
    return this.members;
  }

  /** Every task in this group and its nested groups. */
  tasks(): BaseOperator[] {
    return this.members.flatMap((m) => ("__updraftTaskGroup" in m ? m.tasks() : [m]));
  }

  /** Tasks of the group with no upstream inside the group. */
  roots(): BaseOperator[] {
    const ids = new Set(this.tasks().map((t) => t.taskId));
    return this.tasks().filter((t) => ![...t.upstreamTaskIds].some((u) => ids.has(u)));
  }

  /** Tasks of the group with no downstream inside the group. */
  leaves(): BaseOperator[] {
    const ids = new Set(this.tasks().map((t) => t.taskId));
    return this.tasks().filter((t) => ![...t.downstreamTaskIds].some((d) => ids.has(d)));
  }
}

/**
 * Creates a task group and runs `build` inside it: tasks created there get ids `groupId.taskId`.
 * Returns the group, usable with `.then()`.
 */
export function taskGroup(
  groupId: string,
  build: (group: TaskGroup) => void,
  options: TaskGroupOptions = {},
): TaskGroup {
  validateKey("groupId", groupId);
  const dag = requireDag(options.dag, `task group "${groupId}"`);
  const parent = currentTaskGroup(dag) ?? dag.rootGroup;
  const group = new TaskGroup(dag, groupId, parent, options);
  if (dag.hasGroup(group.groupId!) || dag.hasTask(group.groupId!))
    throw new DagDefinitionError(
      "DUPLICATE_TASK_ID",
      `task group "${group.groupId}": the id is already used in dag "${dag.dagId}"`,
    );
  dag.addGroup(group);
  parent.addChild(group);
  withTaskGroup(group, () => build(group));
  return group;
}
