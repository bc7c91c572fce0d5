import { Connection } from "../src/connection";
import { TemplateDateTime } from "../src/pyDateTime";
import { buildTemplateContext, type TemplateContextInput } from "../src/templateContext";
import { renderTemplate } from "../src/templating";

const variables: Record<string, string> = {
  region: "sp",
  limits: '{"daily": 500, "tables": ["vendas"]}',
  broken: "{",
};
const connections: Record<string, Connection> = {
  warehouse: new Connection({
    conn_id: "warehouse",
    conn_type: "postgres",
    host: "db.internal",
    login: "etl",
    password: "s3cret",
    schema: "dw",
    port: 5432,
    extra: '{"sslmode": "require"}',
  }),
};

function input(overrides: Partial<TemplateContextInput> = {}): TemplateContextInput {
  return {
    dagId: "sales",
    taskId: "load",
    runId: "scheduled__2024-12-01T01:00:00+00:00",
    mapIndex: -1,
    tryNumber: 2,
    logicalDate: new Date("2024-12-01T01:00:00Z"),
    dataIntervalStart: new Date("2024-12-01T00:00:00Z"),
    dataIntervalEnd: new Date("2024-12-01T01:00:00Z"),
    runAfter: new Date("2024-12-01T01:00:00Z"),
    prevDataIntervalStartSuccess: new Date("2024-11-30T23:00:00Z"),
    prevDataIntervalEndSuccess: null,
    prevStartDateSuccess: new Date("2024-11-30T01:00:05Z"),
    prevEndDateSuccess: new Date("2024-11-30T01:02:00.5Z"),
    params: { table: "vendas", batch: 500, dry_run: true },
    variables: { get: (k) => variables[k] },
    connections: { get: (id) => connections[id] },
    now: new Date("2024-12-03T01:00:00Z"),
    ...overrides,
  };
}

const render = (template: string, overrides: Partial<TemplateContextInput> = {}): string =>
  renderTemplate(template, buildTemplateContext(input(overrides)), "bash_command");

describe("context of a run with a logical date", () => {
  test.each([
    ["{{ logical_date }}", "2024-12-01 01:00:00+00:00"],
    ["{{ ds }}", "2024-12-01"],
    ["{{ ds_nodash }}", "20241201"],
    ["{{ ts }}", "2024-12-01T01:00:00+00:00"],
    ["{{ ts_nodash }}", "20241201T010000"],
    ["{{ ts_nodash_with_tz }}", "20241201T010000+0000"],
    ["{{ data_interval_start }}", "2024-12-01 00:00:00+00:00"],
    ["{{ data_interval_end }}", "2024-12-01 01:00:00+00:00"],
    ["{{ prev_data_interval_start_success }}", "2024-11-30 23:00:00+00:00"],
    ["{{ prev_data_interval_end_success }}", "None"],
    ["{{ prev_start_date_success }}", "2024-11-30 01:00:05+00:00"],
    ["{{ prev_end_date_success }}", "2024-11-30 01:02:00.500000+00:00"],
    ["{{ run_id }}", "scheduled__2024-12-01T01:00:00+00:00"],
    ["{{ task_instance_key_str }}", "sales__load__20241201"],
    ["{{ try_number }}", "2"],
    ["{{ params.table }}/{{ params.batch }}/{{ params.dry_run }}", "vendas/500/True"],
    ["{{ dag.dag_id }}.{{ task.task_id }}", "sales.load"],
    ["{{ ti.task_id }} {{ ti.map_index }} {{ task_instance.try_number }}", "load -1 2"],
    [
      "{{ dag_run.run_id }} {{ dag_run.run_after }}",
      "scheduled__2024-12-01T01:00:00+00:00 2024-12-01 01:00:00+00:00",
    ],
    ["{{ dag_run.logical_date | ds }}", "2024-12-01"],
    ["{{ inlets | length }}/{{ outlets | length }}", "0/0"],
    ["{{ map_index_template }}", "None"],
    ["{{ macros.ds_add(ds, 7) }}", "2024-12-08"],
    ["{{ macros.ds_format(ds, '%Y-%m-%d', '%d.%m.%y') }}", "01.12.24"],
    ["{{ macros.datetime_diff_for_humans(logical_date) }}", "2 days ago"],
    ["{{ macros.json.dumps(params) }}", '{"table": "vendas", "batch": 500, "dry_run": true}'],
  ])("%s → %s", (template, expected) => {
    expect(render(template)).toBe(expected);
  });

  test("the date keys are TemplateDateTime values, or null when there is none", () => {
    const ctx = buildTemplateContext(input());
    expect(ctx.logical_date).toBeInstanceOf(TemplateDateTime);
    expect(ctx.prev_data_interval_end_success).toBeNull();
  });

  test("extra keys are added and win", () => {
    const ctx = buildTemplateContext(input({ extra: { exception: "boom", run_id: "other" } }));
    expect(renderTemplate("{{ exception }} {{ run_id }}", ctx)).toBe("boom other");
  });

  test("dag, task, ti and dag_run given by the caller are used as they are", () => {
    const dagRun = { conf: { full: true } };
    expect(render("{{ dag_run.conf.full }}", { dagRun })).toBe("True");
  });
});

describe("context of a run without a logical date (Airflow 3)", () => {
  const noDate = { logicalDate: null, dataIntervalStart: null, dataIntervalEnd: null };
  const dateKeys = [
    "logical_date",
    "ds",
    "ds_nodash",
    "ts",
    "ts_nodash",
    "ts_nodash_with_tz",
    "data_interval_start",
    "data_interval_end",
    "prev_data_interval_start_success",
    "prev_data_interval_end_success",
  ];

  test.each(dateKeys)("%s does not exist, and using it is an undefined-name error", (key) => {
    expect(buildTemplateContext(input(noDate))).not.toHaveProperty(key);
    expect(() => render(`{{ ${key} }}`, noDate)).toThrow(
      `bash_command: template error at line 1: "${key}" is undefined`,
    );
  });

  test("task_instance_key_str ends with the run id", () => {
    expect(render("{{ task_instance_key_str }}", noDate)).toBe(
      "sales__load__scheduled__2024-12-01T01:00:00+00:00",
    );
  });

  test("dag_run.logical_date is None", () => {
    expect(render("{{ dag_run.logical_date }}", noDate)).toBe("None");
  });
});

describe("var and conn", () => {
  test.each([
    ["{{ var.value.region }}", "sp"],
    ["{{ var.value['region'] }}", "sp"],
    ["{{ var.value.get('region') }}", "sp"],
    ["{{ var.value.get('missing', 'fallback') }}", "fallback"],
    ["{{ var.value.get('missing', default_var='kw') }}", "kw"],
    ["{{ var.value.get('missing') }}", "None"],
    ["{{ var.json.limits.daily }}", "500"],
    ["{{ var.json.limits.tables | tojson }}", '["vendas"]'],
    ["{{ var.json.get('limits').daily }}", "500"],
    ["{{ var.json.get('missing', 3) }}", "3"],
    [
      "{{ conn.warehouse.host }}:{{ conn.warehouse.port }}/{{ conn.warehouse.schema }}",
      "db.internal:5432/dw",
    ],
    ["{{ conn.warehouse.login }} {{ conn.warehouse.conn_type }}", "etl postgres"],
    ["{{ conn.warehouse.extra_dejson.sslmode }}", "require"],
    ["{{ conn.get('warehouse').host }}", "db.internal"],
    ["{{ conn.get('nowhere') }}", "None"],
    ["{{ conn.warehouse }}", "Connection(warehouse, postgres)"],
  ])("%s → %s", (template, expected) => {
    expect(render(template)).toBe(expected);
  });

  test.each([
    [
      "{{ var.value.missing }}",
      "bash_command: template error at line 1: variable missing does not exist",
    ],
    ["{{ var.json.missing }}", "variable missing does not exist"],
    ["{{ var.json.broken }}", 'variable broken is not valid JSON, got "{"'],
    [
      "{{ conn.nowhere.host }}",
      "bash_command: template error at line 1: connection nowhere is not defined",
    ],
    [
      "a\n\n{{ conn.nowhere }}",
      "bash_command: template error at line 3: connection nowhere is not defined",
    ],
  ])("%s fails: %s", (template, message) => {
    expect(() => render(template)).toThrow(message);
  });

  test("a connection's extra_dejson is {} when extra is absent or not JSON", () => {
    expect(new Connection({ conn_id: "a", conn_type: "http" }).extra_dejson).toEqual({});
    expect(new Connection({ conn_id: "a", conn_type: "http", extra: "{" }).extra_dejson).toEqual(
      {},
    );
    expect(
      new Connection({ conn_id: "a", conn_type: "http", extra: { timeout: 3 } }).extra_dejson,
    ).toEqual({ timeout: 3 });
  });

  test("a connection never prints or serializes its password", () => {
    const conn = connections.warehouse!;
    expect(String(conn)).not.toContain("s3cret");
    expect(JSON.stringify(conn)).not.toContain("s3cret");
  });
});
