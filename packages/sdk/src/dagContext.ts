// The "with DAG(...):" of TypeScript: while a dag() or taskGroup() builder runs, tasks created
// inside attach to it. Also collects every DAG created while a DAG file is evaluated.
import type { Dag } from "./dag";
import { DagDefinitionError } from "./errors";
import type { TaskGroup } from "./taskGroup";

const dagStack: Dag[] = [];
const groupStack: TaskGroup[] = [];
const collectors: Dag[][] = [];
let detached = 0;

/** Runs `build` with `dag` as the DAG new tasks attach to. */
export function withDag<T>(dag: Dag, build: () => T): T {
  dagStack.push(dag);
  try {
    return build();
  } finally {
    dagStack.pop();
  }
}

/** Runs `build` with `group` as the task group new tasks join. */
export function withTaskGroup<T>(group: TaskGroup, build: () => T): T {
  groupStack.push(group);
  try {
    return build();
  } finally {
    groupStack.pop();
  }
}

/** The DAG being built, or null outside any dag() builder. */
export function currentDag(): Dag | null {
  return dagStack[dagStack.length - 1] ?? null;
}

/** The innermost task group being built for `dag`, or null. */
export function currentTaskGroup(dag: Dag): TaskGroup | null {
  const group = groupStack[groupStack.length - 1];
  return group !== undefined && group.dag === dag ? group : null;
}

/** The DAG new tasks attach to; throws when a task is created outside any DAG. */
export function requireDag(explicit: Dag | undefined, what: string): Dag {
  const dag = explicit ?? currentDag();
  if (!dag)
    throw new DagDefinitionError(
      "NO_DAG_CONTEXT",
      `${what}: created outside a DAG; create it inside dag({...}, () => { ... }) or pass { dag }`,
    );
  return dag;
}

/** Records a newly created DAG with every active collector (see collectDags). */
export function registerDag(dag: Dag): void {
  for (const list of collectors) list.push(dag);
}

/**
 * Runs `load` (e.g. evaluating a DAG file) and returns every DAG created meanwhile, so one file
 * may define several DAGs without exporting them (Airflow's auto-registration).
 */
export function collectDags<T>(load: () => T): { result: T; dags: Dag[] } {
  const dags: Dag[] = [];
  collectors.push(dags);
  try {
    return { result: load(), dags };
  } finally {
    collectors.splice(collectors.indexOf(dags), 1);
  }
}

/** Runs `build` with task registration off: used to build one mapped instance's operator. */
export function detachedConstruction<T>(build: () => T): T {
  detached += 1;
  try {
    return build();
  } finally {
    detached -= 1;
  }
}

/** True while detachedConstruction is running. */
export function isDetachedConstruction(): boolean {
  return detached > 0;
}

/** Airflow's key rule for dag ids, task ids and group ids. */
const KEY = /^[A-Za-z0-9_.-]+$/;

/** Checks an id against Airflow's rule (letters, digits, `_`, `.`, `-`; at most 250 chars). */
export function validateKey(kind: "dagId" | "taskId" | "groupId", value: unknown): string {
  if (typeof value !== "string" || !KEY.test(value) || value.length > 250)
    throw new DagDefinitionError(
      "INVALID_ID",
      `${kind}: expected 1-250 characters from letters, digits, "_", "." and "-", got ${JSON.stringify(value)}`,
      { details: { field: kind, value } },
    );
  return value;
}
