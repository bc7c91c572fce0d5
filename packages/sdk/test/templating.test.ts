import nunjucks from "nunjucks";
import { TemplateDateTime } from "../src/pyDateTime";
import { renderTemplate, renderTemplateFields } from "../src/templating";

const context = {
  logical_date: new TemplateDateTime(new Date("2024-12-01T01:00:00Z")),
  later: new TemplateDateTime(new Date("2024-12-01T01:00:00.250Z")),
  when: new Date("2024-03-05T14:07:09Z"),
  params: {
    table: "vendas",
    flag: true,
    off: false,
    nothing: null,
    n: 3,
    list: ["a", "b", "c"],
    dict: { b: 1, a: "x<y" },
  },
};

describe("rendering", () => {
  test.each([
    ["no template here", "no template here"],
    ["{{ params.table }}", "vendas"],
    ["{{ params.n * 2 }}", "6"],
    ["{{ params.flag }} {{ params.off }} {{ params.nothing }}", "True False None"],
    ["{{ True }} {{ False }} {{ None }}", "True False None"],
    ["{{ params.n > 2 }}", "True"],
    ["{{ params.list }}", "a,b,c"],
    ["{{ params.list | tojson }}", '["a", "b", "c"]'],
    ["{{ params.dict | tojson }}", '{"a": "x\\u003cy", "b": 1}'],
    ["{{ params.dict | tojson(indent=2) }}", '{\n  "a": "x\\u003cy",\n  "b": 1\n}'],
    ["{{ params.list[1:] | join('-') }}", "b-c"],
    ["{{ params.dict.items() | length }}", "2"],
    ["{{ params.dict.get('zz', 'dflt') }}", "dflt"],
    ["{% for t in params.list %}{{ loop.index }}{{ t }}{% endfor %}", "1a2b3c"],
    ["{% if missing is defined %}y{% else %}n{% endif %}", "n"],
    ["{{ missing | default('d') }}", "d"],
    ["<{{ params.table }}>&", "<vendas>&"],
    ["{# comment #}x", "x"],
  ])("%j → %j", (template, expected) => {
    expect(renderTemplate(template, context)).toBe(expected);
  });

  test("one trailing newline is dropped, as Jinja (and so Airflow) does", () => {
    expect(renderTemplate("echo {{ params.table }}\n", context)).toBe("echo vendas");
    expect(renderTemplate("echo {{ params.table }}\n\n", context)).toBe("echo vendas\n");
    expect(renderTemplate("plain\r\n", context)).toBe("plain");
  });

  test("the same template renders again from the compiled cache", () => {
    const template = "{{ params.n }}-{{ params.table }}";
    expect(renderTemplate(template, context)).toBe("3-vendas");
    expect(renderTemplate(template, { params: { n: 4, table: "t" } })).toBe("4-t");
  });

  test("rendering leaves nunjucks' shared runtime as it found it", () => {
    renderTemplate("{{ True }}{{ params.list[1:] }}", context);
    const plain = new nunjucks.Environment();
    expect(plain.renderString("{{ True }}|{{ x }}|{{ y }}", { x: null, y: true })).toBe("||true");
  });
});

describe("datetimes in templates print and behave like pendulum's", () => {
  test.each([
    ["{{ logical_date }}", "2024-12-01 01:00:00+00:00"],
    ["{{ later }}", "2024-12-01 01:00:00.250000+00:00"],
    ["{{ logical_date.isoformat() }}", "2024-12-01T01:00:00+00:00"],
    ["{{ logical_date.strftime('%d/%m/%Y %H:%M') }}", "01/12/2024 01:00"],
    ["{{ logical_date.add(days=1) }}", "2024-12-02 01:00:00+00:00"],
    ["{{ logical_date.add({ 'months': 1 }) | ds }}", "2025-01-01"],
    ["{{ logical_date.subtract(hours=2, minutes=30) }}", "2024-11-30 22:30:00+00:00"],
    ["{{ logical_date.subtract(weeks=1, years=1) | ds }}", "2023-11-24"],
    ["{{ logical_date.in_timezone('America/Sao_Paulo') }}", "2024-11-30 22:00:00-03:00"],
    ["{{ logical_date.in_timezone('Asia/Kolkata').strftime('%H:%M %z') }}", "06:30 +0530"],
    ["{{ logical_date.year }}-{{ logical_date.month }}-{{ logical_date.day }}", "2024-12-1"],
    ["{{ logical_date.hour }}:{{ logical_date.minute }}:{{ logical_date.second }}", "1:0:0"],
    ["{{ later.microsecond }}", "250000"],
    ["{{ logical_date.int_timestamp }} {{ later.timestamp() }}", "1733014800 1733014800.25"],
    ["{{ logical_date.date() }}", "2024-12-01"],
    ["{{ logical_date.weekday() }} {{ logical_date.isoweekday() }}", "6 7"],
    ["{{ logical_date < later }} {{ logical_date > later }}", "True False"],
    [
      "{{ logical_date | ts }} {{ logical_date | ts_nodash }}",
      "2024-12-01T01:00:00+00:00 20241201T010000",
    ],
    [
      "{{ logical_date | ds_nodash }} {{ logical_date | ts_nodash_with_tz }}",
      "20241201 20241201T010000+0000",
    ],
    ["{{ when | ds }}", "2024-03-05"],
    ["{{ params.nothing | ds }}", "None"],
    ["{{ logical_date | tojson }}", '"2024-12-01T01:00:00+00:00"'],
  ])("%s → %s", (template, expected) => {
    expect(renderTemplate(template, context)).toBe(expected);
  });

  test("JSON carries the isoformat", () => {
    expect(JSON.stringify({ at: context.logical_date })).toBe('{"at":"2024-12-01T01:00:00+00:00"}');
  });
});

describe("template errors", () => {
  test.each([
    ["{{ nope }}", 'bash_command: template error at line 1: "nope" is undefined'],
    ["x\n{{ params.nope }}", 'bash_command: template error at line 2: "params.nope" is undefined'],
    ["{{ missing.attr.deep }}", 'bash_command: template error at line 1: "missing" is undefined'],
    ["{{ nope() }}", "bash_command: template error at line 1: Unable to call `nope`"],
    ["{{ params.table ", "bash_command: template error: expected variable end"],
    ["{% if %}", "bash_command: template error at line 1: unexpected token: %}"],
    [
      "a\n{{ logical_date.add(eons=1) }}",
      "bash_command: template error at line 2: add: eons=1 is not one of",
    ],
    ["{{ logical_date.in_timezone('Mars/Base') }}", 'in_timezone: unknown time zone "Mars/Base"'],
    ["{{ params.table | ds }}", 'filter ds: expected a datetime, got "vendas"'],
  ])("%j fails: %s", (template, message) => {
    expect(() => renderTemplate(template, context, "bash_command")).toThrow(message);
  });

  test("the error is TEMPLATE_ERROR with the field and line in its details", () => {
    let error: unknown;
    try {
      renderTemplate("ok\n{{ nope }}", context, "sql");
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: "TEMPLATE_ERROR", details: { field: "sql", line: 2 } });
  });

  test("without a field name the error says template", () => {
    expect(() => renderTemplate("{{ nope }}", context)).toThrow("template: template error");
  });
});

describe("template fields", () => {
  test("strings inside lists and objects are rendered; other values and fields are kept", () => {
    const when = new Date("2024-12-01T00:00:00Z");
    const rendered = renderTemplateFields(
      {
        sql: "select * from {{ params.table }} where day = '{{ logical_date | ds }}'",
        env: { DAY: "{{ logical_date | ds_nodash }}", N: 3, NESTED: { A: ["{{ params.n }}"] } },
        args: ["--date", "{{ logical_date | ds }}", when, null],
        other: "{{ not rendered }}",
      },
      ["sql", "env", "args"],
      context,
    );
    expect(rendered).toEqual({
      sql: "select * from vendas where day = '2024-12-01'",
      env: { DAY: "20241201", N: 3, NESTED: { A: ["3"] } },
      args: ["--date", "2024-12-01", when, null],
      other: "{{ not rendered }}",
    });
  });

  test("the input record is not changed", () => {
    const values = { cmd: "echo {{ params.table }}" };
    renderTemplateFields(values, ["cmd"], context);
    expect(values).toEqual({ cmd: "echo {{ params.table }}" });
  });

  test.each([
    [
      { env: { A: "{{ missing }}" } },
      ["env"],
      'env.A: template error at line 1: "missing" is undefined',
    ],
    [{ args: ["ok", "{{ missing }}"] }, ["args"], "args[1]: template error"],
  ])("an error inside a nested field names its path: %j", (values, fields, message) => {
    expect(() => renderTemplateFields(values, fields, context)).toThrow(message);
  });
});
