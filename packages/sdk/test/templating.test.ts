import { buildTemplateContext, Connection, renderTemplate, renderTemplateFields } from "../src";
import type { TemplateContextInput } from "../src";

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

function context(overrides: Partial<TemplateContextInput> = {}): Record<string, unknown> {
  return buildTemplateContext({
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
    params: { table: "vendas", batch: 500 },
    variables: { get: (k) => variables[k] },
    connections: { get: (id) => connections[id] },
    now: new Date("2024-12-03T01:00:00Z"),
    ...overrides,
  });
}

describe("template context of a run with a logical date", () => {
  test.each([
    ["{{ ds }}", "2024-12-01"],
    ["{{ ds_nodash }}", "20241201"],
    ["{{ ts }}", "2024-12-01T01:00:00+00:00"],
    ["{{ ts_nodash }}", "20241201T010000"],
    ["{{ ts_nodash_with_tz }}", "20241201T010000+0000"],
    ["{{ logical_date }}", "2024-12-01 01:00:00+00:00"],
    ["{{ logical_date.isoformat() }}", "2024-12-01T01:00:00+00:00"],
    ["{{ logical_date.strftime('%d/%m/%Y %H:%M') }}", "01/12/2024 01:00"],
    ["{{ logical_date.add({ days: 1 }) | ds }}", "2024-12-02"],
    ["{{ logical_date.in_timezone('America/Sao_Paulo') }}", "2024-11-30 22:00:00-03:00"],
    ["{{ data_interval_start }}", "2024-12-01 00:00:00+00:00"],
    ["{{ data_interval_end | ts_nodash }}", "20241201T010000"],
    ["{{ prev_data_interval_start_success | ds }}", "2024-11-30"],
    ["{{ prev_data_interval_end_success }}", "None"],
    ["{{ run_id }}", "scheduled__2024-12-01T01:00:00+00:00"],
    ["{{ task_instance_key_str }}", "sales__load__20241201"],
    ["{{ try_number }}", "2"],
    ["{{ params.table }}/{{ params.batch }}", "vendas/500"],
    ["{{ var.value.region }}", "sp"],
    ["{{ var.value.get('missing', 'fallback') }}", "fallback"],
    ["{{ var.json.limits.daily }}", "500"],
    ["{{ var.json.limits.tables | tojson }}", '["vendas"]'],
    [
      "{{ conn.warehouse.host }}:{{ conn.warehouse.port }}/{{ conn.warehouse.schema }}",
      "db.internal:5432/dw",
    ],
    ["{{ conn.warehouse.extra_dejson.sslmode }}", "require"],
    ["{{ conn.warehouse }}", "Connection(warehouse, postgres)"],
    ["{{ macros.ds_add(ds, 7) }}", "2024-12-08"],
    ["{{ macros.ds_format(ds, '%Y-%m-%d', '%d.%m.%y') }}", "01.12.24"],
    ["{{ macros.datetime_diff_for_humans(logical_date) }}", "2 days ago"],
    ["{% for t in ['a', 'b'] %}{{ loop.index }}{{ t }}{% endfor %}", "1a2b"],
    ["no template here", "no template here"],
  ])("%s → %s", (template, expected) => {
    expect(renderTemplate(template, context())).toBe(expected);
  });

  test("one trailing newline is dropped, as Jinja does", () => {
    expect(renderTemplate("echo {{ ds }}\n", context())).toBe("echo 2024-12-01");
  });
});

describe("template errors", () => {
  test.each([
    [
      "{{ nope }}",
      "bash_command: template error: [Line 1, Column 1] attempted to output null or undefined value",
    ],
    ["{{ var.value.missing }}", "variable missing does not exist"],
    ["{{ var.json.broken }}", "variable broken is not valid JSON"],
    ["{{ conn.nowhere.host }}", "connection nowhere is not defined"],
    ["{{ ds ", "bash_command: template error"],
  ])("%s fails naming the field: %s", (template, message) => {
    expect(() => renderTemplate(template, context(), "bash_command")).toThrow(message);
  });

  test("without a logical date the date keys do not exist (Airflow 3)", () => {
    const ctx = context({ logicalDate: null, dataIntervalStart: null, dataIntervalEnd: null });
    expect(ctx).not.toHaveProperty("ds");
    expect(() => renderTemplate("{{ ds }}", ctx)).toThrow("undefined value");
    expect(renderTemplate("{{ task_instance_key_str }}", ctx)).toBe(
      "sales__load__scheduled__2024-12-01T01:00:00+00:00",
    );
  });
});

describe("template fields", () => {
  test("strings inside lists and objects are rendered; other values are kept", () => {
    const rendered = renderTemplateFields(
      {
        sql: "select * from {{ params.table }} where day = '{{ ds }}'",
        env: { DAY: "{{ ds_nodash }}", N: 3 },
        args: ["--date", "{{ ds }}"],
        other: "{{ not rendered }}",
      },
      ["sql", "env", "args"],
      context(),
    );
    expect(rendered).toEqual({
      sql: "select * from vendas where day = '2024-12-01'",
      env: { DAY: "20241201", N: 3 },
      args: ["--date", "2024-12-01"],
    });
  });

  test("an error inside a nested field names its path", () => {
    expect(() => renderTemplateFields({ env: { A: "{{ missing }}" } }, ["env"], context())).toThrow(
      "env.A: template error",
    );
  });
});
