// The mapped inputs of a serialized mapped task, as the scheduler needs them to expand it: a
// literal list (its length is known) or a reference to an upstream task's XCom (its length is
// read from the store). Read from `fields` without running DAG code, as Airflow's scheduler does.
import type { SerializedTask } from "@updraft/sdk";

/** One input the task is expanded over. */
export type MappedInput =
  | { readonly kind: "literal"; readonly length: number }
  | { readonly kind: "xcom"; readonly taskId: string; readonly key: string }
  /** A value that is neither a list nor a reference: the expansion fails, naming it. */
  | { readonly kind: "invalid"; readonly description: string };

function inputOf(value: unknown, name: string): MappedInput {
  if (Array.isArray(value)) return { kind: "literal", length: value.length };
  if (typeof value === "object" && value !== null && "__xcom" in value) {
    // Stored data may be malformed: a reference needs a string task_id and key, else it is invalid.
    const ref = value.__xcom as { task_id?: unknown; key?: unknown } | null;
    if (typeof ref?.task_id === "string" && typeof ref.key === "string")
      return { kind: "xcom", taskId: ref.task_id, key: ref.key };
    return {
      kind: "invalid",
      description: `${name}: malformed XCom reference ${JSON.stringify(ref)}`,
    };
  }
  return { kind: "invalid", description: `${name}: expected a list, got ${typeof value}` };
}

/** The mapped inputs of a TaskFlow `.expand()` or an operator's `.expand()`/`.expandKwargs()`. */
export function mappedInputsOf(task: SerializedTask): MappedInput[] {
  const fields = task.fields as {
    op_args?: { kind: string; value: unknown }[];
    expand_input?: { type: string; value: unknown };
  };
  if (fields.expand_input?.type === "dict_of_lists") {
    const value = (fields.expand_input.value ?? {}) as Record<string, unknown>;
    return Object.entries(value).map(([k, v]) => inputOf(v, `expand input "${k}"`));
  }
  if (fields.expand_input?.type === "list_of_dicts") {
    return [inputOf(fields.expand_input.value, "expand_kwargs input")];
  }
  return (fields.op_args ?? [])
    .map((arg, position) => ({ arg, position }))
    .filter(({ arg }) => arg.kind === "mapped")
    .map(({ arg, position }) => inputOf(arg.value, `mapped argument ${position + 1}`));
}
