// The `task` entry point with its flavours, as Airflow's `@task`, `@task.branch`,
// `@task.short_circuit` and `@task.sensor`.
import { BranchTaskFlowOperator } from "./operators/branch";
import type { BranchChoice } from "./operators/branching";
import { type ShortCircuitOptions, ShortCircuitTaskFlowOperator } from "./operators/shortCircuit";
import type { PokeResult, SensorOptions } from "./sensors/baseSensor";
import { SensorTaskFlowOperator } from "./sensors/taskflowSensor";
import {
  defineTask,
  makeTaskFactory,
  type TaskFactory,
  type TaskFunction,
  type TaskOptions,
} from "./taskflow";

/** Defines a branch: the function returns the task or group id(s) to follow; the rest are skipped. */
function branch<I extends unknown[]>(
  taskId: string,
  fn: TaskFunction<I, BranchChoice>,
  options: TaskOptions = {},
): TaskFactory<I, BranchChoice> {
  return makeTaskFactory(BranchTaskFlowOperator, taskId, fn, options);
}

/** Defines a short-circuit: when the function returns a falsy value, downstream tasks are skipped. */
function shortCircuit<I extends unknown[], O>(
  taskId: string,
  fn: TaskFunction<I, O>,
  options: TaskOptions & ShortCircuitOptions = {},
): TaskFactory<I, O> {
  return makeTaskFactory(ShortCircuitTaskFlowOperator, taskId, fn, options);
}

/** Defines a sensor: the function is poked until it returns true (or `{ isDone: true }`). */
function sensor<I extends unknown[]>(
  taskId: string,
  fn: TaskFunction<I, PokeResult>,
  options: TaskOptions & SensorOptions = {},
): TaskFactory<I, unknown> {
  return makeTaskFactory(SensorTaskFlowOperator, taskId, fn, options);
}

/**
 * Defines a TaskFlow task (Airflow's `@task`); see `defineTask`. Flavours: `task.branch`,
 * `task.shortCircuit`, `task.sensor`.
 */
export const task = Object.assign(defineTask, { branch, shortCircuit, sensor });
