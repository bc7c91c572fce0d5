// TaskFlow: `task("id", async (ctx, ...inputs) => value)` defines a task factory; calling it with
// values or other tasks' outputs creates the task, its dependencies and the typed XCom pulls.
import type { Asset } from "./assets";
import type { TaskContext } from "./context";
import type { Dag } from "./dag";
import { currentDag } from "./dagContext";
import { setDownstream } from "./dependencies";
import { requireList, valuesForMapIndex } from "./mapping";
import { isPlainObject } from "./plainObject";
import {
  BaseOperator,
  jsonSafe,
  type MapInput,
  type OperatorOptions,
  resolveReference,
} from "./operator";
import type { TaskArgs } from "./taskArgs";
import { isXComReference, type TaskInput, toXComArg, type XComArg } from "./xcom";

/** Options of a TaskFlow task: task args plus XCom behaviour. */
export interface TaskOptions extends TaskArgs {
  /** Push each key of a returned object as its own XCom (plus return_value). @default false */
  multipleOutputs?: boolean;
  outlets?: readonly Asset[];
  inlets?: readonly Asset[];
  /** The DAG to join when called outside a dag() builder. */
  dag?: Dag;
}

/** The function behind a TaskFlow task: the context, then the task's inputs. */
export type TaskFunction<I extends unknown[], O> = (
  context: TaskContext,
  ...inputs: I
) => O | Promise<O>;

/** Each input as a value or a reference to another task's output of that type. */
export type Inputs<I extends unknown[]> = { [K in keyof I]: TaskInput<I[K]> };
/** Each input as a list (or a reference to one) to expand over. */
export type MapInputs<I extends unknown[]> = { [K in keyof I]: MapInput<I[K]> };

/** A defined TaskFlow task; call it (in a DAG) to create a task instance of it. */
export interface TaskFactory<I extends unknown[], O> {
  (...inputs: Inputs<I>): TaskFlowOperator<O>;
  readonly taskId: string;
  /** One task instance per combination of elements of the lists (Airflow's expand). */
  expand(...inputs: MapInputs<I>): TaskFlowOperator<O[]>;
  /**
   * Fixes the leading inputs for every mapped instance; expand over the rest. Fixed inputs of
   * the wrong type make the result `never`, so the following `.expand` does not compile.
   */
  partial<P extends unknown[]>(
    ...fixed: Inputs<P>
  ): I extends [...P, ...infer Rest]
    ? { expand(...rest: MapInputs<Rest>): TaskFlowOperator<O[]> }
    : never;
  /** The same function with other options (e.g. another taskId), as Airflow's `.override()`. */
  override(options: TaskOptions & { taskId?: string }): TaskFactory<I, O>;
}

/** One input of a TaskFlow task as stored. */
export type TaskFlowInput =
  | { readonly kind: "value"; readonly value: unknown }
  | { readonly kind: "mapped"; readonly value: unknown };

/** Which flavour of TaskFlow task: plain, branch, or short-circuit. */
export type TaskFlowKind = "task" | "branch" | "short_circuit";

/** The operator behind a TaskFlow task. */
export class TaskFlowOperator<O = unknown> extends BaseOperator<O> {
  readonly fn: TaskFunction<unknown[], unknown>;
  readonly inputs: readonly TaskFlowInput[];
  readonly multipleOutputs: boolean;

  constructor(
    options: OperatorOptions & { multipleOutputs?: boolean },
    fn: TaskFunction<unknown[], unknown>,
    inputs: readonly TaskFlowInput[],
  ) {
    super(options);
    this.fn = fn;
    this.inputs = inputs;
    this.multipleOutputs = options.multipleOutputs ?? false;
    inputs.forEach((input, i) => {
      if (input.kind === "mapped" && !isXComReference(input.value))
        requireList(input.value, `${i + 1} of task "${this.taskId}"`);
      for (const ref of collectReferences(input.value))
        setDownstream(toXComArg(ref).operator, this);
    });
  }

  override get operatorName(): string {
    return "@task";
  }

  override get isMapped(): boolean {
    return this.inputs.some((i) => i.kind === "mapped");
  }

  /** The function's arguments for this task instance, with XComs pulled and mapping applied. */
  async resolveInputs(context: TaskContext): Promise<unknown[]> {
    const mappedPositions = this.inputs.flatMap((input, i) => (input.kind === "mapped" ? [i] : []));
    const resolved = await Promise.all(
      this.inputs.map((input) => resolveNested(input.value, context)),
    );
    if (mappedPositions.length === 0) return resolved;
    const lists = mappedPositions.map((i) =>
      requireList(resolved[i], `${i + 1} of task "${this.taskId}"`),
    );
    const values = valuesForMapIndex(lists, context.mapIndex);
    mappedPositions.forEach((position, k) => (resolved[position] = values[k]));
    return resolved;
  }

  override async execute(context: TaskContext): Promise<O> {
    const inputs = await this.resolveInputs(context);
    return (await this.fn(context, ...inputs)) as O;
  }

  override serializeFields(): Record<string, unknown> {
    return {
      function_name: this.fn.name || null,
      op_args: this.inputs.map((i) => ({ kind: i.kind, value: jsonSafe(i.value) })),
      multiple_outputs: this.multipleOutputs,
    };
  }
}

/** XCom references anywhere inside a value (lists and plain objects are walked). */
function collectReferences(value: unknown): (XComArg | BaseOperator)[] {
  if (isXComReference(value)) return [value];
  if (Array.isArray(value)) return value.flatMap(collectReferences);
  if (isPlainObject(value)) return Object.values(value).flatMap(collectReferences);
  return [];
}

async function resolveNested(value: unknown, context: TaskContext): Promise<unknown> {
  if (isXComReference(value)) return resolveReference(value, context);
  if (Array.isArray(value)) return Promise.all(value.map((v) => resolveNested(v, context)));
  if (isPlainObject(value))
    return Object.fromEntries(
      await Promise.all(
        Object.entries(value).map(async ([k, v]) => [k, await resolveNested(v, context)] as const),
      ),
    );
  return value;
}

/** A constructor of a TaskFlow operator flavour. */
export type TaskFlowOperatorClass = new (
  options: OperatorOptions & { multipleOutputs?: boolean },
  fn: TaskFunction<unknown[], unknown>,
  inputs: readonly TaskFlowInput[],
) => BaseOperator;

/**
 * Airflow creates `id`, `id__1`, `id__2`… when one TaskFlow function is called several times
 * in a DAG; so do we.
 */
function uniqueTaskId(dag: Dag | null, taskId: string): string {
  if (!dag || !dag.hasTask(taskId)) return taskId;
  let n = 1;
  while (dag.hasTask(`${taskId}__${n}`)) n++;
  return `${taskId}__${n}`;
}

/** Builds a TaskFactory for any TaskFlow operator flavour. */
export function makeTaskFactory<I extends unknown[], O>(
  Operator: TaskFlowOperatorClass,
  taskId: string,
  fn: TaskFunction<I, O>,
  options: TaskOptions,
): TaskFactory<I, O> {
  const create = (inputs: TaskFlowInput[]): TaskFlowOperator<O> => {
    const dag = options.dag ?? currentDag();
    const id = uniqueTaskId(dag, taskId);
    return new Operator(
      { ...options, taskId: id },
      fn as TaskFunction<unknown[], unknown>,
      inputs,
    ) as TaskFlowOperator<O>;
  };
  const values = (args: unknown[]): TaskFlowInput[] =>
    args.map((value) => ({ kind: "value", value }));
  const mapped = (args: unknown[]): TaskFlowInput[] =>
    args.map((value) => ({ kind: "mapped", value }));
  const factory = ((...inputs: unknown[]) => create(values(inputs))) as TaskFactory<I, O>;
  Object.defineProperty(factory, "taskId", { value: taskId });
  factory.expand = (...inputs: unknown[]) =>
    create(mapped(inputs)) as unknown as TaskFlowOperator<O[]>;
  factory.partial = ((...fixed: unknown[]) => ({
    expand: (...rest: unknown[]) =>
      create([...values(fixed), ...mapped(rest)]) as unknown as TaskFlowOperator<O[]>,
  })) as TaskFactory<I, O>["partial"];
  factory.override = (overrides) =>
    makeTaskFactory(Operator, overrides.taskId ?? taskId, fn, { ...options, ...overrides });
  return factory;
}

/**
 * Defines a TaskFlow task (Airflow's `@task`). The function receives the context and then the
 * task's inputs; its return value is pushed to XCom. Call the result to create the task:
 *
 * ```ts
 * const extract = task("extract", async () => [1, 2, 3]);
 * const total = task("total", async (_ctx, rows: number[]) => rows.length);
 * total(extract());
 * ```
 */
export function defineTask<I extends unknown[], O>(
  taskId: string,
  fn: TaskFunction<I, O>,
  options: TaskOptions = {},
): TaskFactory<I, O> {
  return makeTaskFactory(TaskFlowOperator, taskId, fn, options);
}
