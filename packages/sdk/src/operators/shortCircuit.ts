// Short-circuit: when the condition is falsy, downstream tasks are skipped (all of them by
// default, or only the direct ones when downstream trigger rules should still apply).
import type { TaskContext } from "../context";
import { BaseOperator, type OperatorOptions } from "../operator";
import { TaskFlowOperator, type TaskFlowInput, type TaskFunction } from "../taskflow";
import { applyShortCircuit } from "./branching";

/** Options shared by both short-circuit flavours. */
export interface ShortCircuitOptions {
  /** Skip every downstream task (true) or only the direct ones (false). @default true */
  ignoreDownstreamTriggerRules?: boolean;
}

/** Options of ShortCircuitOperator. */
export interface ShortCircuitOperatorOptions extends OperatorOptions, ShortCircuitOptions {
  condition: (context: TaskContext) => unknown;
}

/** Skips downstream when `condition` returns a falsy value (Airflow's ShortCircuitOperator). */
export class ShortCircuitOperator extends BaseOperator<unknown> {
  readonly condition: (context: TaskContext) => unknown;
  readonly ignoreDownstreamTriggerRules: boolean;

  constructor(options: ShortCircuitOperatorOptions) {
    super(options);
    this.condition = options.condition;
    this.ignoreDownstreamTriggerRules = options.ignoreDownstreamTriggerRules ?? true;
  }

  override async execute(context: TaskContext): Promise<unknown> {
    return applyShortCircuit(
      this,
      context,
      await this.condition(context),
      this.ignoreDownstreamTriggerRules,
    );
  }

  override serializeFields(): Record<string, unknown> {
    return { ignore_downstream_trigger_rules: this.ignoreDownstreamTriggerRules };
  }
}

/** The operator behind `task.shortCircuit(...)`. */
export class ShortCircuitTaskFlowOperator extends TaskFlowOperator<unknown> {
  readonly ignoreDownstreamTriggerRules: boolean;

  constructor(
    options: OperatorOptions & ShortCircuitOptions & { multipleOutputs?: boolean },
    fn: TaskFunction<unknown[], unknown>,
    inputs: readonly TaskFlowInput[],
  ) {
    super(options, fn, inputs);
    this.ignoreDownstreamTriggerRules = options.ignoreDownstreamTriggerRules ?? true;
  }

  override get operatorName(): string {
    return "@task.short_circuit";
  }

  override async execute(context: TaskContext): Promise<unknown> {
    return applyShortCircuit(
      this,
      context,
      await super.execute(context),
      this.ignoreDownstreamTriggerRules,
    );
  }

  override serializeFields(): Record<string, unknown> {
    return {
      ...super.serializeFields(),
      ignore_downstream_trigger_rules: this.ignoreDownstreamTriggerRules,
    };
  }
}
