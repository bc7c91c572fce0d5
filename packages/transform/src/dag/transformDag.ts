// A dbt-style project rendered as a DAG, the way astronomer-cosmos renders one: a task per
// model, seed and snapshot; a node with tests becomes a group `<name>` holding `run` (or `seed`,
// `snapshot`) then `test`; nodes are grouped by their folder; edges follow ref()/source(), so
// a failed model — or a failed test of it — blocks exactly what depends on it. Ephemeral
// models get no task: their children depend on what they read.
import {
  type Dag,
  dag as defineDag,
  type DagOptions,
  type BaseOperator,
  EmptyOperator,
  taskGroup,
} from "@updraft/sdk";
import type { Target } from "../adapters/warehouse";
import { compileProject, type CompiledProject } from "../compile/compileProject";
import type { ExecutableNode, GraphNode, TestNode } from "../graph/nodes";
import { loadProject } from "../project/loadProject";
import { plannedNodes } from "../run/runProject";
import { DbtNodeOperator } from "./dbtNodeOperator";

/** Where tests go (Cosmos' test_behavior). */
export type TestBehavior = "after_each" | "after_all" | "none";

/** Options of transformDag: the DAG's own, plus the project and where it builds. */
export interface TransformDagOptions extends DagOptions {
  /** The project folder (holding dbt_project.yml), or a project already compiled. */
  readonly project: string | CompiledProject;
  /** The warehouse connection; the DAG gets a `warehouse_conn_id` param defaulting to it. */
  readonly connId: string;
  /** Database and schema models are built in (default: dbt's dev schema for the warehouse). */
  readonly target?: Partial<Target>;
  /** Only these nodes (dbt's selection syntax). */
  readonly select?: readonly string[];
  readonly exclude?: readonly string[];
  /** @default "after_each" */
  readonly testBehavior?: TestBehavior;
  /** Tests with several parents as their own task after all of them. @default false */
  readonly detachMultiParentTests?: boolean;
}

const VERB: Readonly<Record<ExecutableNode["resourceType"], string>> = {
  model: "run",
  seed: "seed",
  snapshot: "snapshot",
  test: "test",
};

/** The folder group a node sits in: its file's folders below the resource folder. */
const folderOf = (node: GraphNode): readonly string[] => node.path.split("/").slice(1, -1);

/** Task and group ids take letters, digits, `_`, `-` and `.` only. */
const idOf = (name: string): string => name.replace(/[^\w-]/g, "_");

/** Nodes by folder, folders by name. */
interface FolderTree {
  readonly folders: Map<string, FolderTree>;
  readonly nodes: ExecutableNode[];
}

function folderTree(nodes: readonly ExecutableNode[]): FolderTree {
  const root: FolderTree = { folders: new Map(), nodes: [] };
  for (const node of nodes) {
    let at = root;
    for (const folder of folderOf(node)) {
      let next = at.folders.get(folder);
      if (next === undefined) {
        next = { folders: new Map(), nodes: [] };
        at.folders.set(folder, next);
      }
      at = next;
    }
    at.nodes.push(node);
  }
  return root;
}

interface Wiring {
  /** Where a node's dependents attach: its test task, else its build task. */
  readonly exit: Map<string, BaseOperator>;
  readonly entry: Map<string, BaseOperator>;
}

/** The parent a multi-parent test waits for: the one that runs last. */
function lastParent(test: TestNode, order: ReadonlyMap<string, number>): string | undefined {
  return [...test.dependsOn]
    .filter((id) => order.has(id))
    .sort((a, b) => order.get(a)! - order.get(b)!)
    .at(-1);
}

/** Builds the DAG of a project. */
export function transformDag(options: TransformDagOptions): Dag {
  const {
    project: given,
    connId,
    target,
    select,
    exclude,
    testBehavior = "after_each",
    detachMultiParentTests = false,
    ...dagOptions
  } = options;
  const project = typeof given === "string" ? compileProject(loadProject(given)) : given;
  const planned = plannedNodes(project, {
    command: "build",
    ...(select === undefined ? {} : { select }),
    ...(exclude === undefined ? {} : { exclude }),
  });
  const builds = planned.filter((n) => n.resourceType !== "test");
  const tests =
    testBehavior === "none" ? [] : planned.filter((n): n is TestNode => n.resourceType === "test");
  const order = new Map(builds.map((node, i) => [node.uniqueId, i]));
  // Tests by the node whose task runs them; detached ones by themselves.
  const testsOf = new Map<string, TestNode[]>();
  const detached: TestNode[] = [];
  for (const test of tests) {
    const parents = test.dependsOn.filter((id) => order.has(id));
    if (parents.length === 0) continue;
    if (testBehavior === "after_all" || (detachMultiParentTests && parents.length > 1))
      detached.push(test);
    else {
      const owner = lastParent(test, order)!;
      testsOf.set(owner, [...(testsOf.get(owner) ?? []), test]);
    }
  }
  const params = {
    warehouse_conn_id: { type: "string" as const, default: connId },
    full_refresh: { type: "boolean" as const, default: false },
    ...(dagOptions.params ?? {}),
  };
  return defineDag({ ...dagOptions, params }, () => {
    const wiring: Wiring = { exit: new Map(), entry: new Map() };
    const common = { project, connId, ...(target === undefined ? {} : { target }) };
    const build = (node: ExecutableNode): void => {
      const verb = VERB[node.resourceType];
      const own = testsOf.get(node.uniqueId) ?? [];
      if (own.length === 0) {
        const task = new DbtNodeOperator({
          ...common,
          taskId: `${idOf(node.name)}_${verb}`,
          nodeIds: [node.uniqueId],
        });
        wiring.entry.set(node.uniqueId, task);
        wiring.exit.set(node.uniqueId, task);
        return;
      }
      taskGroup(idOf(node.name), () => {
        const task = new DbtNodeOperator({ ...common, taskId: verb, nodeIds: [node.uniqueId] });
        const test = new DbtNodeOperator({
          ...common,
          taskId: "test",
          nodeIds: own.map((t) => t.uniqueId),
        });
        task.then(test);
        wiring.entry.set(node.uniqueId, task);
        wiring.exit.set(node.uniqueId, test);
      });
    };
    // One group per folder, nested as the folders are.
    const place = (folder: FolderTree): void => {
      for (const [name, child] of folder.folders) taskGroup(idOf(name), () => place(child));
      folder.nodes.forEach(build);
    };
    place(folderTree(builds));
    // Edges: each node after the exits of its parents, seen through ephemeral models.
    const parentsOf = (id: string): string[] => {
      const node = project.byId.get(id)!;
      return node.dependsOn.flatMap((parent) =>
        order.has(parent)
          ? [parent]
          : project.byId.get(parent)?.resourceType === "model"
            ? parentsOf(parent)
            : [],
      );
    };
    for (const node of builds)
      for (const parent of new Set(parentsOf(node.uniqueId)))
        wiring.exit.get(parent)!.then(wiring.entry.get(node.uniqueId)!);
    if (testBehavior === "after_all" && detached.length > 0) {
      const all = new DbtNodeOperator({
        ...common,
        taskId: "test_all",
        nodeIds: detached.map((t) => t.uniqueId),
      });
      for (const exit of new Set(wiring.exit.values())) exit.then(all);
    } else
      for (const test of detached) {
        const task = new DbtNodeOperator({
          ...common,
          taskId: `${idOf(test.name)}_test`,
          nodeIds: [test.uniqueId],
        });
        for (const parent of test.dependsOn) wiring.exit.get(parent)?.then(task);
      }
    if (builds.length === 0) new EmptyOperator({ taskId: "nothing_selected" });
  });
}
