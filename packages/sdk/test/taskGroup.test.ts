import { dag, EmptyOperator, taskGroup } from "../src";

describe("task groups", () => {
  test("ids are prefixed with the group path, as Airflow's group_id.task_id", () => {
    const d = dag({ dagId: "nested" }, () => {
      taskGroup("extract", () => {
        taskGroup("vendas", () => {
          new EmptyOperator({ taskId: "copy" });
        });
      });
    });
    expect(d.tasks.map((t) => t.taskId)).toEqual(["extract.vendas.copy"]);
    expect(d.task("extract.vendas.copy").taskGroup?.groupId).toBe("extract.vendas");
  });

  test("prefixGroupId: false keeps child ids as written", () => {
    const d = dag({ dagId: "noprefix" }, () => {
      taskGroup("g", () => new EmptyOperator({ taskId: "plain" }), { prefixGroupId: false });
    });
    expect(d.tasks.map((t) => t.taskId)).toEqual(["plain"]);
  });

  test("a group id may not clash with a task id", () => {
    expect(() =>
      dag({ dagId: "clash" }, () => {
        new EmptyOperator({ taskId: "g" });
        taskGroup("g", () => undefined);
      }),
    ).toThrow('task group "g": the id is already used in dag "clash"');
  });

  test("roots and leaves are computed inside the group", () => {
    let group!: ReturnType<typeof taskGroup>;
    dag({ dagId: "rl" }, () => {
      group = taskGroup("g", () => {
        const a = new EmptyOperator({ taskId: "a" });
        a.then(new EmptyOperator({ taskId: "b" }));
        a.then(new EmptyOperator({ taskId: "c" }));
      });
    });
    expect(group.roots().map((t) => t.taskId)).toEqual(["g.a"]);
    expect(group.leaves().map((t) => t.taskId)).toEqual(["g.b", "g.c"]);
  });
});
