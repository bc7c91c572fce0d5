// One try of one task's user code, as the worker runs it: pick the operator (the mapped instance
// for this map index), render its template fields, execute, and push the result to XCom.
// Exceptions propagate unchanged; the worker turns them into states.
import { type TaskContext, XCOM_RETURN_KEY } from "./context";
import type { BaseOperator } from "./operator";
import { isPlainObject } from "./plainObject";
import { renderTemplateFields } from "./templating";
import { TaskFlowOperator } from "./taskflow";

/** The result of one try: the operator that ran, its rendered fields and its return value. */
export interface TaskExecution {
  readonly operator: BaseOperator;
  readonly renderedFields: Readonly<Record<string, unknown>>;
  readonly returnValue: unknown;
}

/** Returns a copy of `operator` whose template fields hold `rendered`. */
function withFields(operator: BaseOperator, rendered: Record<string, unknown>): BaseOperator {
  const copy = Object.create(Object.getPrototypeOf(operator) as object) as BaseOperator;
  return Object.assign(copy, operator, rendered);
}

/** Runs one try of `task` for the task instance described by `context`. */
export async function executeTask(
  task: BaseOperator,
  context: TaskContext,
): Promise<TaskExecution> {
  const { operator: resolved } = await task.resolveForRun(context);
  const renderedFields = renderTemplateFields(
    resolved.templateFieldValues(),
    resolved.templateFields,
    context.templateContext,
  );
  const operator = withFields(resolved, renderedFields);
  const returnValue = await operator.execute(context);
  if (operator.args.doXcomPush && returnValue !== undefined) {
    await context.ti.xcomPush(XCOM_RETURN_KEY, returnValue);
    if (
      operator instanceof TaskFlowOperator &&
      operator.multipleOutputs &&
      isPlainObject(returnValue)
    )
      for (const [key, value] of Object.entries(returnValue)) await context.ti.xcomPush(key, value);
  }
  return { operator, renderedFields, returnValue };
}
