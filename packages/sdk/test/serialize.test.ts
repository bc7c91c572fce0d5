import {
  Asset,
  BashOperator,
  dag,
  deserializeDag,
  EmptyOperator,
  serializeDag,
  task,
  taskGroup,
  timetableOf,
} from "../src";
import type { Dag, SerializedDag } from "../src";

const orders = new Asset("postgres://source/public/vendas");

function richDag(): Dag {
  return dag(
    {
      dagId: "rich",
      description: "Every authored field",
      schedule: "0 6 * * *",
      startDate: "2026-01-01",
      endDate: "2027-01-01",
      timezone: "America/Sao_Paulo",
      catchup: true,
      tags: ["prod", "dealership", "prod"],
      params: { region: { type: "string", default: "sp", enum: ["sp", "rj"] }, limit: 10 },
      defaultArgs: { retries: 2, retryDelay: "2m", email: "oncall@example.com" },
      maxActiveRuns: 2,
      maxActiveTasks: 8,
      dagrunTimeout: "3h",
      owner: "data-eng",
      doc: "# Rich\nMarkdown docs",
      isPausedUponCreation: false,
      maxConsecutiveFailedDagRuns: 3,
      onFailure: () => undefined,
    },
    () => {
      const start = new EmptyOperator({ taskId: "start", doc: "begins" });
      const group = taskGroup(
        "load",
        () => {
          new BashOperator({
            taskId: "copy",
            bashCommand: "echo {{ ds }}",
            triggerRule: "none_failed_min_one_success",
            pool: "warehouse",
            poolSlots: 2,
            priorityWeight: 5,
            weightRule: "absolute",
            queue: "etl",
            executionTimeout: "30m",
            retryExponentialBackoff: 2,
            maxRetryDelay: "1h",
            dependsOnPast: true,
            outlets: [orders],
            onFailure: () => undefined,
          });
        },
        { tooltip: "Loads" },
      );
      const count = task("count", (_ctx, n: number) => n + 1).expand([1, 2]);
      start.then(group).then(count);
    },
  );
}

describe("serialization", () => {
  test("every authored DAG field appears under Airflow's name", () => {
    const { dag: d } = serializeDag(richDag());
    expect(d).toMatchObject({
      dag_id: "rich",
      description: "Every authored field",
      timetable_summary: "0 6 * * *",
      timezone: "America/Sao_Paulo",
      start_date: "2026-01-01T03:00:00.000Z",
      end_date: "2027-01-01T03:00:00.000Z",
      catchup: true,
      tags: ["dealership", "prod"],
      owners: ["data-eng"],
      max_active_runs: 2,
      max_active_tasks: 8,
      dagrun_timeout: 10_800,
      doc_md: "# Rich\nMarkdown docs",
      is_paused_upon_creation: false,
      max_consecutive_failed_dag_runs: 3,
      has_on_failure_callback: true,
      has_on_success_callback: false,
    });
    expect(d.timetable.type).toBe("cron_trigger");
    expect(Object.keys(d.params)).toEqual(["region", "limit"]);
    expect(d.default_args).toMatchObject({
      retries: 2,
      retry_delay: "2m",
      email: "oncall@example.com",
      owner: "data-eng",
    });
  });

  test("every task field appears under Airflow's name", () => {
    const { dag: d } = serializeDag(richDag());
    const copy = d.tasks.find((t) => t.task_id === "load.copy")!;
    expect(copy).toMatchObject({
      operator_name: "BashOperator",
      task_group_id: "load",
      upstream_task_ids: ["start"],
      downstream_task_ids: ["count"],
      owner: "data-eng",
      retries: 2,
      retry_delay: 120,
      retry_exponential_backoff: 2,
      max_retry_delay: 3600,
      execution_timeout: 1800,
      trigger_rule: "none_failed_min_one_success",
      depends_on_past: true,
      pool: "warehouse",
      pool_slots: 2,
      priority_weight: 5,
      weight_rule: "absolute",
      queue: "etl",
      email: ["oncall@example.com"],
      has_on_failure_callback: true,
      template_fields: ["bashCommand", "env", "cwd"],
      template_field_values: { bashCommand: "echo {{ ds }}", env: null, cwd: null },
      is_mapped: false,
      outlets: [
        {
          uri: "postgres://source/public/vendas",
          name: "postgres://source/public/vendas",
          group: "asset",
          extra: {},
        },
      ],
    });
    const count = d.tasks.find((t) => t.task_id === "count")!;
    expect(count).toMatchObject({ operator_name: "@task", is_mapped: true });
    expect(count.fields).toMatchObject({ op_args: [{ kind: "mapped", value: [1, 2] }] });
    expect(d.tasks.find((t) => t.task_id === "start")!.doc_md).toBe("begins");
  });

  test("task groups keep their nesting and children order", () => {
    const { dag: d } = serializeDag(richDag());
    expect(d.task_group.children).toEqual([
      { type: "task", id: "start" },
      {
        type: "group",
        group: expect.objectContaining({
          group_id: "load",
          tooltip: "Loads",
          children: [{ type: "task", id: "load.copy" }],
        }),
      },
      { type: "task", id: "count" },
    ]);
  });

  test("round-trips through JSON unchanged, and the output is deterministic", () => {
    const first = serializeDag(richDag());
    const text = JSON.stringify(first);
    const back = deserializeDag(JSON.parse(text));
    expect(back).toEqual(first);
    expect(JSON.stringify(serializeDag(richDag()))).toBe(text);
  });

  test("the timetable is rebuilt from the JSON without DAG code", () => {
    const serialized = JSON.parse(JSON.stringify(serializeDag(richDag()))) as SerializedDag;
    const timetable = timetableOf(serialized);
    expect(timetable.summary).toBe("0 6 * * *");
    const next = timetable.nextDagRunInfo({
      lastAutomatedDataInterval: null,
      restriction: { earliest: new Date(serialized.dag.start_date!), latest: null, catchup: true },
      now: new Date("2026-03-01T00:00:00Z"),
    });
    // 06:00 in São Paulo (UTC-3) on the start date.
    expect(next?.runAfter.toISOString()).toBe("2026-01-01T09:00:00.000Z");
  });

  test.each([
    [{ __version: 2, dag: {} }, "serialized DAG: expected __version 1, got 2"],
    [{ __version: 1 }, "serialized DAG: must have required property 'dag'"],
    [{ __version: 1, dag: { dag_id: 5 } }, "serialized DAG/dag: must have required property"],
  ])("rejects malformed input %j", (json, message) => {
    expect(() => deserializeDag(json)).toThrow(message);
  });

  test("rejects a task pointing at a task that does not exist", () => {
    const json = JSON.parse(JSON.stringify(serializeDag(richDag()))) as {
      dag: { tasks: { downstream_task_ids: string[] }[] };
    };
    json.dag.tasks[0]!.downstream_task_ids = ["ghost"];
    expect(() => deserializeDag(json)).toThrow('refers to unknown task "ghost"');
  });
});
