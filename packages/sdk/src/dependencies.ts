// Dependency wiring: `a.then(b)`, `chain(a, [b, c], d)`, `parallel(a, b).then(c)`. A task group
// stands for its roots on the right of an arrow and its leaves on the left, as in Airflow.
import { DagDefinitionError } from "./errors";
import type { BaseOperator } from "./operator";
import type { TaskGroup } from "./taskGroup";
import type { XComArg } from "./xcom";

/** Anything that can sit on either side of a dependency arrow. A string names a task id. */
export type Dependable = BaseOperator | TaskGroup | XComArg | string | readonly Dependable[];

type Node = BaseOperator | string;

function nodesOf(item: Dependable, side: "roots" | "leaves"): Node[] {
  if (typeof item === "string") return [item];
  if (Array.isArray(item)) return (item as readonly Dependable[]).flatMap((i) => nodesOf(i, side));
  const single = item as BaseOperator | TaskGroup | XComArg;
  if ("__updraftOperator" in single) return [single];
  if ("__updraftTaskGroup" in single) return side === "roots" ? single.roots() : single.leaves();
  return [single.operator];
}

function link(upstream: Node, downstream: Node): void {
  if (typeof upstream === "string" && typeof downstream === "string")
    throw new DagDefinitionError(
      "INVALID_ARGUMENT",
      `dependency: cannot link two task ids ("${upstream}" → "${downstream}") without a task object to find their DAG`,
    );
  if (typeof upstream === "string")
    return (downstream as BaseOperator).dag.addEdgeById(upstream, downstream);
  if (typeof downstream === "string") return upstream.dag.addEdgeById(upstream, downstream);
  if (upstream.dag !== downstream.dag)
    throw new DagDefinitionError(
      "UNKNOWN_UPSTREAM",
      `dependency: tried to set relationships between tasks in more than one DAG: ` +
        `"${upstream.taskId}" (dag "${upstream.dag.dagId}") → "${downstream.taskId}" (dag "${downstream.dag.dagId}")`,
    );
  upstream.dag.addEdge(upstream, downstream);
}

/** Makes every leaf of `upstream` an upstream of every root of `downstream` (Airflow's `>>`). */
export function setDownstream(upstream: Dependable, downstream: Dependable): void {
  if (typeof downstream === "function" || typeof upstream === "function")
    throw new DagDefinitionError(
      "INVALID_ARGUMENT",
      "then(): got a function. Tasks are not promises: do not `await` a task or return one from an async function",
    );
  for (const up of nodesOf(upstream, "leaves"))
    for (const down of nodesOf(downstream, "roots")) link(up, down);
}

/** Sets dependencies in sequence: `chain(a, [b, c], d)` is a → b, a → c, b → d, c → d. */
export function chain(...items: Dependable[]): void {
  for (let i = 1; i < items.length; i++) {
    const up = items[i - 1]!;
    const down = items[i]!;
    // Airflow's chain pairs two lists of equal length element-wise.
    if (Array.isArray(up) && Array.isArray(down)) {
      if (up.length !== down.length)
        throw new DagDefinitionError(
          "INVALID_ARGUMENT",
          `chain(): adjacent lists must have the same length, got ${up.length} and ${down.length}`,
        );
      (up as Dependable[]).forEach((u, k) => setDownstream(u, (down as Dependable[])[k]!));
    } else setDownstream(up, down);
  }
}

/** Every item of `upstreams` becomes upstream of every item of `downstreams` (Airflow's cross_downstream). */
export function crossDownstream(
  upstreams: readonly Dependable[],
  downstreams: readonly Dependable[],
): void {
  for (const up of upstreams) setDownstream(up, downstreams);
}

/**
 * The dependency arrows shared by tasks and task groups. `a.then(b)` is Airflow's `a >> b`; it
 * returns `next` (a list gives a TaskList to keep chaining). Because of this method a task looks
 * like a promise: never `await` one or return it from an async function (that fails loudly).
 */
export abstract class Chainable {
  then<T extends BaseOperator | TaskGroup | XComArg | string>(next: T): T;
  then(next: readonly Dependable[]): TaskList;
  then(next: Dependable): Dependable | TaskList {
    setDownstream(this as unknown as Dependable, next);
    return Array.isArray(next) ? new TaskList(next as readonly Dependable[]) : next;
  }

  /** `b.after(a)`: b runs after a (Airflow's `b << a`). Returns this. */
  after(...previous: Dependable[]): this {
    setDownstream(previous, this as unknown as Dependable);
    return this;
  }
}

/** A set of tasks used together on one side of an arrow: `parallel(a, b).then(c)`. */
export class TaskList {
  readonly items: readonly Dependable[];
  constructor(items: readonly Dependable[]) {
    this.items = items;
  }
  /** Fan-in: every item runs before `next`; returns `next` for further chaining. */
  then<T extends Dependable>(next: T): T {
    setDownstream(this.items, next);
    return next;
  }
  /** Every item runs after `previous`. */
  after(previous: Dependable): this {
    setDownstream(previous, this.items);
    return this;
  }
}

/** Groups tasks for fan-in/fan-out: `parallel(extract_a, extract_b).then(load)`. */
export function parallel(...items: Dependable[]): TaskList {
  return new TaskList(items);
}
