// The mapped inputs the scheduler reads from a serialized task to expand it, without running DAG
// code: literal lists (length known) and XCom references (length read from the store).
import { BashOperator, XComArg, dag, serializeTask, task } from "@updraft/sdk";
import type { SerializedTask } from "@updraft/sdk";
import { mappedInputsOf } from "../../src/plan/mappedInputs";

/** The serialized form of task `taskId` in a DAG built by `body`. */
function serialized(taskId: string, body: () => void): SerializedTask {
  return serializeTask(dag({ dagId: "mapped_inputs" }, body).task(taskId));
}

/** A serialized task with hand-written `fields`, as stored data may hold. */
function withFields(fields: Record<string, unknown>): SerializedTask {
  const base = serialized("t", () => {
    task("t", () => 1)();
  });
  return { ...base, is_mapped: true, fields };
}

describe("mappedInputsOf: TaskFlow expand()", () => {
  test("a literal list gives its length", () => {
    const t = serialized("square", () => {
      task("square", (_ctx, x: number) => x * x).expand([1, 2, 3]);
    });
    expect(mappedInputsOf(t)).toEqual([{ kind: "literal", length: 3 }]);
  });

  test("an upstream task's output gives an xcom reference to its return_value", () => {
    const t = serialized("load", () => {
      const tables = task("tables", () => ["a", "b"]);
      task("load", (_ctx, table: string) => table).expand(tables());
    });
    expect(mappedInputsOf(t)).toEqual([{ kind: "xcom", taskId: "tables", key: "return_value" }]);
  });

  test("partial() values are not mapped inputs; only the expanded ones count, in order", () => {
    const t = serialized("load", () => {
      const tables = task("tables", () => ["a", "b"]);
      task("load", (_ctx, schema: string, table: string, n: number) => `${schema}${table}${n}`)
        .partial("raw")
        .expand(tables(), [1, 2, 3, 4]);
    });
    expect(mappedInputsOf(t)).toEqual([
      { kind: "xcom", taskId: "tables", key: "return_value" },
      { kind: "literal", length: 4 },
    ]);
  });

  test("an empty literal list has length 0 (the scheduler then skips the task)", () => {
    const t = serialized("none", () => {
      task("none", (_ctx, x: number) => x).expand([]);
    });
    expect(mappedInputsOf(t)).toEqual([{ kind: "literal", length: 0 }]);
  });

  test("an unmapped task has no mapped inputs", () => {
    const t = serialized("plain", () => {
      task("plain", (_ctx, x: number) => x)(5);
    });
    expect(mappedInputsOf(t)).toEqual([]);
  });

  test("op_args entries of kind value are ignored, mapped ones named by 1-based position", () => {
    const t = withFields({
      op_args: [
        { kind: "value", value: "fixed" },
        { kind: "mapped", value: "not a list" },
      ],
    });
    expect(mappedInputsOf(t)).toEqual([
      { kind: "invalid", description: "mapped argument 2: expected a list, got string" },
    ]);
  });
});

describe("mappedInputsOf: operator expand() (dict_of_lists)", () => {
  test("each expanded option is one input, literal or xcom", () => {
    const t = serialized("echo", () => {
      const envs = task("envs", () => [{ A: "1" }]);
      BashOperator.partial({ taskId: "echo", retries: 2 }).expand({
        bashCommand: ["echo a", "echo b"],
        env: envs().output,
      });
    });
    expect(t.fields).toMatchObject({ expand_input: { type: "dict_of_lists" } });
    expect(mappedInputsOf(t)).toEqual([
      { kind: "literal", length: 2 },
      { kind: "xcom", taskId: "envs", key: "return_value" },
    ]);
  });

  test("an XComArg with another key keeps that key", () => {
    const t = serialized("echo", () => {
      const producer = task("producer", () => 1)();
      BashOperator.partial({ taskId: "echo" }).expand({
        bashCommand: new XComArg<string[]>(producer, "commands"),
      });
    });
    expect(mappedInputsOf(t)).toEqual([{ kind: "xcom", taskId: "producer", key: "commands" }]);
  });

  test("a value that is not a list is invalid and names the option", () => {
    const t = withFields({
      expand_input: { type: "dict_of_lists", value: { bash_command: 42, env: [{}] } },
    });
    expect(mappedInputsOf(t)).toEqual([
      { kind: "invalid", description: 'expand input "bash_command": expected a list, got number' },
      { kind: "literal", length: 1 },
    ]);
  });

  test("a plain object (not an xcom reference) is invalid", () => {
    const t = withFields({ expand_input: { type: "dict_of_lists", value: { x: { a: 1 } } } });
    expect(mappedInputsOf(t)).toEqual([
      { kind: "invalid", description: 'expand input "x": expected a list, got object' },
    ]);
  });

  test("null is invalid, not a crash", () => {
    const [input] = mappedInputsOf(
      withFields({ expand_input: { type: "dict_of_lists", value: { x: null } } }),
    );
    expect(input).toMatchObject({ kind: "invalid" });
    expect((input as { description: string }).description).toContain('expand input "x"');
  });

  test("a malformed xcom reference is invalid, not a crash", () => {
    for (const ref of [
      null,
      "tables",
      { key: "return_value" },
      { task_id: 3, key: "k" },
      { task_id: "up" },
    ]) {
      const [input] = mappedInputsOf(
        withFields({ expand_input: { type: "dict_of_lists", value: { x: { __xcom: ref } } } }),
      );
      expect(input).toMatchObject({ kind: "invalid" });
    }
  });
});

describe("mappedInputsOf: operator expandKwargs() (list_of_dicts)", () => {
  test("a literal list of option objects is one input of that length", () => {
    const t = serialized("run", () => {
      BashOperator.partial({ taskId: "run" }).expandKwargs([
        { bashCommand: "one" },
        { bashCommand: "two", env: { A: "1" } },
      ]);
    });
    expect(t.fields).toMatchObject({ expand_input: { type: "list_of_dicts" } });
    expect(mappedInputsOf(t)).toEqual([{ kind: "literal", length: 2 }]);
  });

  test("an upstream output is one xcom input", () => {
    const t = serialized("run", () => {
      const kwargs = task("kwargs", () => [{ bashCommand: "x" }]);
      BashOperator.partial({ taskId: "run" }).expandKwargs(kwargs());
    });
    expect(mappedInputsOf(t)).toEqual([{ kind: "xcom", taskId: "kwargs", key: "return_value" }]);
  });

  test("a value that is neither is invalid", () => {
    expect(
      mappedInputsOf(withFields({ expand_input: { type: "list_of_dicts", value: "nope" } })),
    ).toEqual([
      { kind: "invalid", description: "expand_kwargs input: expected a list, got string" },
    ]);
  });
});
