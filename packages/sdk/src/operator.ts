// BaseOperator: what every task is. Holds the task's args, its place in the DAG and its
// template fields; subclasses implement execute(context). Creating one inside a dag() builder
// registers it with that DAG (and the current task group).
import type { Asset } from "./assets";
import type { TaskContext } from "./context";
import type { Dag } from "./dag";
import {
  currentTaskGroup,
  detachedConstruction,
  isDetachedConstruction,
  requireDag,
  validateKey,
} from "./dagContext";
import { Chainable, setDownstream } from "./dependencies";
import {
  compileTaskArgs,
  type ResolvedTaskArgs,
  stripUndefined,
  TASK_ARG_NAMES,
  type TaskArgs,
} from "./taskArgs";
import type { TaskGroup } from "./taskGroup";
import { UpdraftError } from "./errors";
import { MappingError } from "./mappingError";
import { isDate, isPlainObject } from "./plainObject";
import { requireList, valuesForMapIndex } from "./mapping";
import { isXComReference, toXComArg, XComArg } from "./xcom";

/** Options every operator takes: its id, task args, and optionally an explicit DAG. */
export interface OperatorOptions extends TaskArgs {
  taskId: string;
  /** The DAG to join when created outside a dag() builder. */
  dag?: Dag;
  /** Assets this task updates; DAGs scheduled on them run when it succeeds. */
  outlets?: readonly Asset[];
  /** Assets this task reads (informational, shown in the UI). */
  inlets?: readonly Asset[];
}

/** The base class of every task. `R` is the type of the value it returns (pushed to XCom). */
export abstract class BaseOperator<R = unknown> extends Chainable {
  /** Names of fields rendered as templates just before execute (Airflow's template_fields). */
  static readonly templateFields: readonly string[] = [];
  /** Colours the UI uses for this operator's nodes. */
  static readonly uiColor: string = "#fff";
  static readonly uiFgColor: string = "#000";

  /** Phantom field carrying R; never set at run time. */
  declare readonly __returns?: R;
  readonly __updraftOperator = true as const;
  readonly taskId: string;
  readonly dag: Dag;
  /** The group holding this task (the DAG's root group when none); null for a mapped instance. */
  readonly taskGroup: TaskGroup | null;
  readonly args: ResolvedTaskArgs;
  readonly outlets: readonly Asset[];
  readonly inlets: readonly Asset[];
  /** The options as the author wrote them (serialized for the UI). */
  protected readonly rawArgs: TaskArgs;

  constructor(options: OperatorOptions) {
    super();
    const dag = requireDag(options.dag, `task "${String(options.taskId)}"`);
    const detached = isDetachedConstruction();
    const group = currentTaskGroup(dag) ?? dag.rootGroup;
    validateKey("taskId", options.taskId);
    this.dag = dag;
    this.taskGroup = detached ? null : group;
    // A detached operator is one mapped instance: its id is already the full id.
    this.taskId = detached ? options.taskId : group.childId(options.taskId);
    const taskArgs = pickTaskArgs(options);
    this.rawArgs = taskArgs;
    this.outlets = [...(options.outlets ?? [])];
    this.inlets = [...(options.inlets ?? [])];
    this.args = compileTaskArgs(taskArgs, dag.defaultArgs, `task "${this.taskId}"`);
    if (!detached) {
      dag.addTask(this);
      group.addChild(this);
    }
  }

  /** The operator's name as shown in the UI (Airflow's operator_name). */
  get operatorName(): string {
    return this.constructor.name;
  }

  /** This operator's template field names. */
  get templateFields(): readonly string[] {
    return (this.constructor as typeof BaseOperator).templateFields;
  }

  /** True for tasks expanded at run time into several task instances. */
  get isMapped(): boolean {
    return false;
  }

  /** Ids of the tasks this one directly depends on. */
  get upstreamTaskIds(): ReadonlySet<string> {
    return this.dag.upstreamOf(this.taskId);
  }

  /** Ids of the tasks that directly depend on this one. */
  get downstreamTaskIds(): ReadonlySet<string> {
    return this.dag.downstreamOf(this.taskId);
  }

  /** The return value of this task, to pass to another task. */
  get output(): XComArg<R> {
    return new XComArg<R>(this);
  }

  /** Another XCom this task pushes, by key. */
  xcom<T = unknown>(key: string): XComArg<T> {
    return new XComArg<T>(this, key);
  }

  /** The fields rendered as templates, with their authored values. */
  templateFieldValues(): Record<string, unknown> {
    const self = this as unknown as Record<string, unknown>;
    return Object.fromEntries(this.templateFields.map((f) => [f, self[f]]));
  }

  /**
   * The operator that runs for this task instance: itself, or, for a mapped task, the
   * operator built for `context.mapIndex`. Wrapped in an object because an operator has a
   * `then` method and so cannot be the value of a promise.
   */
  resolveForRun(_context: TaskContext): Promise<{ operator: BaseOperator }> {
    return Promise.resolve({ operator: this });
  }

  /**
   * Starts a mapped task: `BashOperator.partial({ taskId, ... }).expand({ bashCommand: [...] })`.
   */
  static partial<C extends ConcreteOperatorClass>(
    this: C,
    options: PartialOptions<OptionsOf<C>>,
  ): OperatorPartial<OptionsOf<C>> {
    return new OperatorPartial<OptionsOf<C>>(this, options);
  }

  /** Does the work of one try. The return value is pushed to XCom as `return_value`. */
  abstract execute(context: TaskContext): R | Promise<R>;

  /** Operator-specific fields for the serialized DAG (JSON values only). */
  serializeFields(): Record<string, unknown> {
    return {};
  }
}

/** Splits the TaskArgs fields out of an operator's options. */
export function pickTaskArgs(options: object): TaskArgs {
  const source = options as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const key of TASK_ARG_NAMES) if (key in source) picked[key] = source[key];
  return stripUndefined(picked);
}

/** A mapped input: a literal list or a reference to a task's list output. */
export type MapInput<T> =
  | readonly T[]
  | XComArg<readonly T[]>
  | XComArg<T[]>
  | BaseOperator<readonly T[]>
  | BaseOperator<T[]>;

/** The options type of an operator class. */
export type OptionsOf<C> = C extends new (options: infer O) => BaseOperator ? O : never;

type ConcreteOperatorClass = new (options: never) => BaseOperator;

/** Options fixed for every mapped instance: the task id and args, plus any operator fields. */
export type PartialOptions<O> = Partial<O> & { taskId: string };

/** The first half of `Op.partial({...}).expand({...})`. */
export class OperatorPartial<O> {
  constructor(
    private readonly operatorClass: ConcreteOperatorClass,
    private readonly options: PartialOptions<O>,
  ) {}

  /** One task instance per combination of the listed values (last key varies fastest). */
  expand(mapped: { [K in keyof O]?: MapInput<O[K]> }): MappedOperator {
    return new MappedOperator(this.operatorClass, this.options, {
      type: "dict_of_lists",
      value: mapped,
    });
  }

  /** One task instance per dict of options (Airflow's expand_kwargs). */
  expandKwargs(
    list:
      readonly Partial<O>[] | XComArg<readonly Partial<O>[]> | BaseOperator<readonly Partial<O>[]>,
  ): MappedOperator {
    return new MappedOperator(this.operatorClass, this.options, {
      type: "list_of_dicts",
      value: list,
    });
  }
}

/** How a mapped operator's instances get their options. */
export type ExpandInput =
  | { readonly type: "dict_of_lists"; readonly value: Readonly<Record<string, unknown>> }
  | { readonly type: "list_of_dicts"; readonly value: unknown };

/**
 * A task expanded at run time: one task instance per element of its mapped inputs. At run
 * time `resolveForRun` builds the plain operator for the instance's map index.
 */
export class MappedOperator extends BaseOperator<unknown[]> {
  readonly operatorClass: ConcreteOperatorClass;
  readonly partialOptions: Readonly<Record<string, unknown>>;
  readonly expandInput: ExpandInput;

  constructor(
    operatorClass: ConcreteOperatorClass,
    options: { taskId: string },
    expandInput: ExpandInput,
  ) {
    super(options);
    this.operatorClass = operatorClass;
    this.partialOptions = options;
    this.expandInput = expandInput;
    const refs: (XComArg | BaseOperator)[] = [];
    if (expandInput.type === "dict_of_lists") {
      for (const [key, value] of Object.entries(expandInput.value)) {
        if (key === "taskId" || key === "dag")
          throw new MappingError(`expand(): "${key}" cannot be mapped`);
        if (isXComReference(value)) refs.push(value);
        else requireList(value, `"${key}" of task "${this.taskId}"`);
      }
    } else if (isXComReference(expandInput.value)) refs.push(expandInput.value);
    else requireList(expandInput.value, `expandKwargs of task "${this.taskId}"`);
    for (const ref of refs) setDownstream(toXComArg(ref).operator, this);
  }

  override get isMapped(): boolean {
    return true;
  }

  override get operatorName(): string {
    return this.operatorClass.name;
  }

  override get templateFields(): readonly string[] {
    return (this.operatorClass as unknown as typeof BaseOperator).templateFields;
  }

  /** The options of instance `context.mapIndex`, with mapped references pulled from XCom. */
  async optionsFor(context: TaskContext): Promise<Record<string, unknown>> {
    const input = this.expandInput;
    if (input.type === "list_of_dicts") {
      const list = requireList(
        await resolveReference(input.value, context),
        `expandKwargs of task "${this.taskId}"`,
      );
      const [kwargs] = valuesForMapIndex([list], context.mapIndex);
      return { ...this.partialOptions, ...(kwargs as Record<string, unknown>) };
    }
    const keys = Object.keys(input.value);
    const lists = await Promise.all(
      keys.map(async (k) =>
        requireList(
          await resolveReference(input.value[k], context),
          `"${k}" of task "${this.taskId}"`,
        ),
      ),
    );
    const values = valuesForMapIndex(lists, context.mapIndex);
    return { ...this.partialOptions, ...Object.fromEntries(keys.map((k, i) => [k, values[i]])) };
  }

  override async resolveForRun(context: TaskContext): Promise<{ operator: BaseOperator }> {
    const options = await this.optionsFor(context);
    const Class = this.operatorClass as unknown as new (
      options: Record<string, unknown>,
    ) => BaseOperator;
    const operator = detachedConstruction(
      () => new Class({ ...options, taskId: this.taskId, dag: this.dag }),
    );
    return { operator };
  }

  override execute(): never {
    throw new MappingError(
      `task "${this.taskId}" is mapped: run the operator from resolveForRun()`,
    );
  }

  override serializeFields(): Record<string, unknown> {
    const { taskId: _taskId, dag: _dag, ...rest } = this.partialOptions;
    return {
      partial_kwargs: jsonSafe(rest),
      expand_input: { type: this.expandInput.type, value: jsonSafe(this.expandInput.value) },
    };
  }
}

/** Pulls an XCom reference's value; other values are returned as they are. */
export async function resolveReference(value: unknown, context: TaskContext): Promise<unknown> {
  if (!isXComReference(value)) return value;
  const arg = toXComArg(value);
  const pulled = await context.ti.xcomPull({ taskIds: arg.taskId, key: arg.key });
  if (pulled === undefined)
    throw new UpdraftError(
      "TASK_FAILED",
      `XComNotFound: task "${arg.taskId}" pushed no XCom with key "${arg.key}"`,
    );
  return pulled;
}

/** A JSON-safe copy: XComArgs become references, functions their names, Dates ISO strings. */
export function jsonSafe(value: unknown): unknown {
  if (isXComReference(value)) return toXComArg(value).toJSON();
  if (isDate(value)) return value.toISOString();
  if (typeof value === "function") return `<function ${value.name || "anonymous"}>`;
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (isPlainObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafe(v)]));
  if (typeof value === "object" && value !== null)
    return `<${value.constructor?.name ?? "object"}>`;
  return value ?? null;
}
