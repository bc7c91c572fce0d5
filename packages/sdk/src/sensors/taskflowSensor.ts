// `task.sensor("id", (ctx, ...inputs) => boolean | { isDone, xcomValue })`: a TaskFlow sensor.
import type { TaskContext } from "../context";
import type { OperatorOptions } from "../operator";
import { TaskFlowOperator, type TaskFlowInput, type TaskFunction } from "../taskflow";
import {
  compileSensorOptions,
  type PokeResult,
  type ResolvedSensorOptions,
  runSensor,
  type SensorOptions,
  sensorJson,
} from "./baseSensor";

/** The operator behind `task.sensor(...)`. */
export class SensorTaskFlowOperator extends TaskFlowOperator<unknown> {
  readonly sensor: ResolvedSensorOptions;

  constructor(
    options: OperatorOptions & SensorOptions & { multipleOutputs?: boolean },
    fn: TaskFunction<unknown[], unknown>,
    inputs: readonly TaskFlowInput[],
  ) {
    super(options, fn, inputs);
    this.sensor = compileSensorOptions(options, `task "${this.taskId}"`);
  }

  override get operatorName(): string {
    return "@task.sensor";
  }

  override async execute(context: TaskContext): Promise<unknown> {
    const inputs = await this.resolveInputs(context);
    return runSensor(
      { dagId: this.dag.dagId, taskId: this.taskId, options: this.sensor },
      context,
      async () => (await this.fn(context, ...inputs)) as PokeResult,
    );
  }

  override serializeFields(): Record<string, unknown> {
    return { ...super.serializeFields(), sensor: sensorJson(this.sensor) };
  }
}
