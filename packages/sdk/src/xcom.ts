// XComArg: a reference to a value another task will push. Passing one to a task both adds the
// dependency and pulls the value at run time; the type parameter carries the value's type.
import { XCOM_RETURN_KEY } from "./context";
import type { BaseOperator } from "./operator";

/** A future value: what `operator` pushes under `key` (default its return value). */
export class XComArg<T = unknown> {
  /** Phantom field carrying the value type; never set at run time. */
  declare readonly __type?: T;
  readonly operator: BaseOperator;
  readonly key: string;

  constructor(operator: BaseOperator, key: string = XCOM_RETURN_KEY) {
    this.operator = operator;
    this.key = key;
  }

  /** The id of the task that pushes the value. */
  get taskId(): string {
    return this.operator.taskId;
  }

  /** The JSON form stored in a SerializedDag. */
  toJSON(): { __xcom: { task_id: string; key: string } } {
    return { __xcom: { task_id: this.taskId, key: this.key } };
  }
}

/**
 * A value a task takes as input: the value itself, a reference to another task's output, or a
 * list/object holding such references (resolved when the task runs).
 */
export type TaskInput<T> = T | XComArg<T> | BaseOperator<T> | NestedTaskInput<T>;

/** A list or plain object whose members may be references. */
export type NestedTaskInput<T> = T extends readonly (infer E)[]
  ? readonly TaskInput<E>[]
  : T extends Date | RegExp | ((...args: never[]) => unknown)
    ? never
    : T extends object
      ? { [K in keyof T]: TaskInput<T[K]> }
      : never;

/** True when `value` is a reference to another task's output (an XComArg or an operator). */
export function isXComReference(value: unknown): value is XComArg | BaseOperator {
  return value instanceof XComArg || isOperator(value);
}

/** The XComArg a reference stands for: an operator stands for its return value. */
export function toXComArg(value: XComArg | BaseOperator): XComArg {
  return value instanceof XComArg ? value : value.output;
}

function isOperator(value: unknown): value is BaseOperator {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { __updraftOperator?: unknown }).__updraftOperator === true
  );
}
