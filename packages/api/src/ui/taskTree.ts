// A serialized DAG's tasks as the tree its task groups make, and its task-level edges: what the
// grid's rows and the graph view are drawn from (Airflow's ui/structure and ui/grid/structure).
import type { SerializedDag, SerializedTaskGroup } from "@updraft/sdk";

/** A row of the grid / a node of the graph: a task, or a group with its children. */
export interface TreeNode {
  readonly id: string;
  readonly label: string;
  readonly type: "task" | "task_group";
  readonly isMapped: boolean;
  readonly operator: string | null;
  readonly tooltip: string | null;
  readonly children: readonly TreeNode[] | null;
}

/** The last part of a prefixed id (`stage.stg_vendas.run` → `run`). */
const labelOf = (id: string): string => id.split(".").at(-1) ?? id;

/** The DAG's root group as a list of nodes, in the order the DAG declares them. */
export function taskTree(dag: SerializedDag): TreeNode[] {
  const tasks = new Map(dag.dag.tasks.map((t) => [t.task_id, t]));
  const walk = (group: SerializedTaskGroup): TreeNode[] =>
    group.children.map((child): TreeNode => {
      if (child.type === "task") {
        const task = tasks.get(child.id);
        return {
          id: child.id,
          label: labelOf(child.id),
          type: "task",
          isMapped: task?.is_mapped ?? false,
          operator: task?.operator_name ?? null,
          tooltip: null,
          children: null,
        };
      }
      const id = child.group.group_id ?? "";
      const children = walk(child.group);
      return {
        id,
        label: labelOf(id),
        type: "task_group",
        isMapped: false,
        operator: null,
        tooltip: child.group.tooltip === "" ? null : child.group.tooltip,
        children,
      };
    });
  return walk(dag.dag.task_group);
}

/** Every upstream → downstream pair of tasks. */
export function taskEdges(dag: SerializedDag): { source: string; target: string }[] {
  return dag.dag.tasks.flatMap((task) =>
    task.downstream_task_ids.map((target) => ({ source: task.task_id, target })),
  );
}

/** The task ids under a node (itself for a task). */
export function leafIds(node: TreeNode): string[] {
  return node.children === null ? [node.id] : node.children.flatMap(leafIds);
}
