// dbt's Jinja on nunjucks: conformance cases from DBT-SEMANTICS B4 (what renders as Jinja does,
// with compat, the do tag and the added filters), Python printing, the trailing newline, errors
// naming file and line, a context function's TransformError surviving, and nunjucks' shared
// state left as it was after each render.
import nunjucks from "nunjucks";
import { TransformError } from "../src/transformError";
import { createDbtEnvironment, renderDbt } from "../src/jinja";

const env = createDbtEnvironment();
const render = (source: string, context: Record<string, unknown> = {}): string =>
  renderDbt(env, source, context, "models/m.sql");

function renderError(source: string, context: Record<string, unknown> = {}): TransformError {
  try {
    render(source, context);
  } catch (error) {
    return error as TransformError;
  }
  throw new Error(`rendered without an error: ${source}`);
}

describe("renders as Jinja does", () => {
  test.each([
    ["set", "{% set x = 'a' %}{{ x }}", "a"],
    ["block set", "{% set x %}a{{ 1 }}{% endset %}[{{ x }}]", "[a1]"],
    [
      "for/else with loop vars",
      "{% for x in ['a', 'b'] %}{{ loop.index }}{{ x }}{{ loop.first }}{{ loop.last }}{{ loop.length }};{% else %}none{% endfor %}",
      "1aTrueFalse2;2bFalseTrue2;",
    ],
    ["for/else on an empty list", "{% for x in [] %}{{ x }}{% else %}empty{% endfor %}", "empty"],
    [
      "macros with defaults and kwargs",
      "{% macro col(name, alias=none, cast='int') %}{{ name }}::{{ cast }}{% if alias %} as {{ alias }}{% endif %}{% endmacro %}{{ col('a') }}, {{ col('b', cast='text', alias='c') }}",
      "a::int, b::text as c",
    ],
    [
      "call/caller",
      "{% macro wrap(tag) %}<{{ tag }}>{{ caller() }}</{{ tag }}>{% endmacro %}{% call wrap('b') %}x{% endcall %}",
      "<b>x</b>",
    ],
    ["whitespace control", "select\n  {%- if true %} 1{% endif -%}\n  ,2", "select 1,2"],
    ["no trim_blocks/lstrip_blocks", "a\n  {% if true %}\nb\n  {% endif %}\nc", "a\n  \nb\n  \nc"],
    ["join", "{{ ['a', 'b'] | join(', ') }}", "a, b"],
    ["trim/lower/upper", "{{ '  Ab ' | trim | lower }}{{ 'c' | upper }}", "abC"],
    ["replace", "{{ 'a-b-c' | replace('-', '_') }}", "a_b_c"],
    ["length", "{{ [1, 2, 3] | length }}", "3"],
    [
      "default, also for undefined",
      "{{ missing | default('d') }}{{ none | default('n', true) }}",
      "dn",
    ],
    ["sort", "{{ ['b', 'a', 'c'] | sort | join }}", "abc"],
    [
      "sort by attribute (nunjucks reads this keyword)",
      "{{ xs | sort(attribute='n') | map(attribute='k') | join }}",
      "ab",
    ],
    [
      "operators in, ~, inline if, //, **",
      "{{ 'a' in ['a'] }} {{ 1 ~ 2 }} {{ 'y' if 0 else 'n' }} {{ 7 // 2 }} {{ 2 ** 3 }}",
      "True 12 n 3 8",
    ],
    ["undefined names and missing attributes render empty", "[{{ nope }}{{ cfg.missing }}]", "[]"],
    ["raw", "{% raw %}{{ x }}{% endraw %}", "{{ x }}"],
    ["is defined / is none", "{{ x is defined }} {{ none is none }}", "False True"],
  ])("%s", (_case, source, expected) => {
    expect(
      render(source, {
        xs: [
          { n: 2, k: "b" },
          { n: 1, k: "a" },
        ],
        cfg: {},
      }),
    ).toBe(expected);
  });
});

describe("with Jinja compat, only while rendering", () => {
  test.each([
    ["True/False/None", "{{ True }} {{ False }} {{ None }}", "True False None"],
    ["a True argument stays true", "{% if flag == True %}yes{% endif %}", "yes"],
    ["dict.items()", "{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}", "a=1;b=2;"],
    ["dict.get() with a default", "{{ d.get('a') }}{{ d.get('z', 'none') }}", "1none"],
    ["list.append()", "{% set xs = [] %}{{ xs.append(1) and '' }}{{ xs | join }}", "1"],
    ["list slices", "{{ [1, 2, 3][1:] | join(',') }}|{{ [1, 2, 3][-2:] | join(',') }}", "2,3|2,3"],
    ["string slices give strings", "{{ 'abcdef'[:3] }}|{{ 'abcdef'[-2:] }}", "abc|ef"],
  ])("%s", (_case, source, expected) => {
    expect(render(source, { flag: true, d: { a: 1, b: 2 } })).toBe(expected);
  });
});

describe("Python printing", () => {
  test.each([
    ["booleans", { v: true }, "True"],
    ["false", { v: false }, "False"],
    ["None", { v: null }, "None"],
    ["undefined prints empty", { v: undefined }, ""],
    ["a list as repr", { v: ["a", "it's", 1, null] }, `['a', "it's", 1, None]`],
    ["a dict as repr", { v: { a: 1, b: [true] } }, "{'a': 1, 'b': [True]}"],
    ["numbers and strings as they are", { v: 1.5 }, "1.5"],
  ])("%s", (_case, context, expected) => {
    expect(render("{{ v }}", context)).toBe(expected);
  });

  test("what a macro renders is printed as text", () => {
    expect(render("{% macro m() %}{{ true }}{% endmacro %}[{{ m() }}]")).toBe("[True]");
  });
});

describe("the do tag", () => {
  test("evaluates the expression and renders nothing", () => {
    expect(render("{% set xs = [] %}{% do xs.append(1) %}{{ xs | join(',') }}")).toBe("1");
  });

  test("updates a dict, which carries state out of a loop", () => {
    const source =
      "{% set ns = {'n': 0} %}{% for x in [1, 2, 3] %}{% do ns.update({'n': ns.n + x}) %}{% endfor %}{{ ns.n }}";
    expect(render(source)).toBe("6");
  });

  test("calls a context function for its effect", () => {
    const calls: unknown[] = [];
    expect(render("a{% do log('hi') %}b", { log: (m: unknown) => calls.push(m) })).toBe("ab");
    expect(calls).toEqual(["hi"]);
  });
});

describe("the filters nunjucks lacks", () => {
  test.each([
    [
      "tojson: sorted keys, Python spacing",
      "{{ {'b': [1, 2], 'a': none} | tojson }}",
      '{"a": null, "b": [1, 2]}',
    ],
    [
      "tojson: htmlsafe escapes and ensure_ascii",
      '{{ "it\'s <é>" | tojson }}',
      '"it\\u0027s \\u003c\\u00e9\\u003e"',
    ],
    ["tojson: indent", "{{ {'a': [1]} | tojson(indent=2) }}", '{\n  "a": [\n    1\n  ]\n}'],
    [
      "unique: caseless by default, first kept",
      "{{ ['a', 'B', 'A', 'b', 'c'] | unique | join }}",
      "aBc",
    ],
    ["unique: case_sensitive", "{{ ['a', 'A', 'a'] | unique(case_sensitive=true) | join }}", "aA"],
    ["unique: attribute", "{{ rows | unique(attribute='t') | map(attribute='n') | join }}", "13"],
    ["map: attribute", "{{ rows | map(attribute='n') | join(',') }}", "1,2,3"],
    [
      "map: attribute with a default",
      "{{ [{'n': 1}, {}] | map(attribute='n', default=0) | join(',') }}",
      "1,0",
    ],
    ["map: dotted attribute", "{{ [{'a': {'b': 'x'} }] | map(attribute='a.b') | join }}", "x"],
    ["map: a filter by name", "{{ ['A', 'B'] | map('lower') | join }}", "ab"],
    ["map: a filter with arguments", "{{ ['a-b'] | map('replace', '-', '_') | join }}", "a_b"],
    ["format: %s positional", "{{ '%s_%s' | format('a', 1) }}", "a_1"],
    [
      "format: Python str of values",
      "{{ '%s %s %s' | format(true, none, ['x']) }}",
      "True None ['x']",
    ],
    [
      "format: %d, %.2f, %5s, %-3s|, %03d, %%",
      "{{ '%d %.2f %5s %-3s| %03d %%' | format(3.9, 2, 'ab', 'c', 7) }}",
      "3 2.00    ab c  | 007 %",
    ],
    ["format: %(name)s keywords", "{{ '%(t)s.%(c)s' | format(t='tbl', c='col') }}", "tbl.col"],
    [
      "selectattr with a test",
      "{{ rows | selectattr('t', 'equalto', 'x') | map(attribute='n') | join }}",
      "12",
    ],
    [
      "rejectattr with a test",
      "{{ rows | rejectattr('t', 'equalto', 'x') | map(attribute='n') | join }}",
      "3",
    ],
    [
      "selectattr: Python truthiness",
      "{{ [{'c': []}, {'c': [1]}] | selectattr('c') | length }}",
      "1",
    ],
  ])("%s", (_case, source, expected) => {
    const rows = [
      { n: 1, t: "x" },
      { n: 2, t: "x" },
      { n: 3, t: "y" },
    ];
    expect(render(source, { rows })).toBe(expected);
  });

  test.each([
    ["too few arguments", "{{ '%s %s' | format(1) }}", "not enough arguments for format string"],
    ["too many arguments", "{{ '%s' | format(1, 2) }}", "not all arguments converted"],
    ["%d of a string", "{{ '%d' | format('x') }}", "%d format: a real number is required, not str"],
  ])("format raises Python's error: %s", (_case, source, message) => {
    const error = renderError(source);
    expect(error.code).toBe("COMPILE_ERROR");
    expect(error.message).toContain(message);
  });
});

describe("the trailing newline", () => {
  test.each([
    ["one trailing newline is dropped", "select 1\n", "select 1"],
    ["only one", "select 1\n\n", "select 1\n"],
    ["a CRLF counts as one", "select 1\r\n", "select 1"],
    ["after a tag", "{% if true %}x{% endif %}\n", "x"],
    ["a newline the template prints is kept", "{{ 'a\\n' }}", "a\n"],
  ])("%s", (_case, source, expected) => {
    expect(render(source)).toBe(expected);
  });
});

describe("errors", () => {
  test.each([
    ["a syntax error", "select\n  {{ foo( }}", "models/m.sql:2: unexpected token: }}"],
    [
      "an unknown tag",
      "select 1\n\n{% materialization x %}",
      "models/m.sql:3: unknown block tag: materialization",
    ],
    [
      "calling an undefined name",
      "select\n\n{{ nope() }}",
      "models/m.sql:3: Unable to call `nope`, which is undefined or falsey",
    ],
    [
      "an unknown filter, on its own line",
      "{{ f() }}\n\n{{ x | nope }}",
      "models/m.sql:3: filter not found: nope",
    ],
    ["an error on the first line", "{{ nope() }}", "models/m.sql:1: Unable to call `nope`"],
    ["a Python str method", "select\n{{ 'a'.upper() }}", "models/m.sql:2: Unable to call"],
  ])("name file and line: %s", (_case, source, message) => {
    const error = renderError(source, { f: () => "" });
    expect(error).toBeInstanceOf(TransformError);
    expect(error.code).toBe("COMPILE_ERROR");
    expect(error.message).toContain(message);
    expect(error.message).not.toContain("(unknown path)");
  });

  test("an error inside a macro names the macro's line", () => {
    const source = "{% macro m() %}\n  {{ nope() }}\n{% endmacro %}\n\n{{ m() }}";
    expect(renderError(source).message).toContain("models/m.sql:2: ");
  });

  test("a TransformError thrown by a context function reaches the caller as it was thrown", () => {
    const thrown = new TransformError("UNKNOWN_REFERENCE", "ref('x') names no model");
    const ref = () => {
      throw thrown;
    };
    const error = renderError("select *\nfrom {{ ref('x') }}", { ref });
    expect(error).toBe(thrown);
    expect(error.code).toBe("UNKNOWN_REFERENCE");
  });

  test("…also from inside a macro and a do tag", () => {
    const thrown = new TransformError("UNKNOWN_REFERENCE", "no");
    const ref = () => {
      throw thrown;
    };
    const source =
      "{% macro m() %}{% do ref('x') %}{% endmacro %}\n{% for i in [1] %}{{ m() }}{% endfor %}";
    expect(renderError(source, { ref })).toBe(thrown);
  });

  test("another error a context function throws becomes COMPILE_ERROR with its message", () => {
    const fail = () => {
      throw new Error("boom");
    };
    const error = renderError("\n{{ fail() }}", { fail });
    expect(error.code).toBe("COMPILE_ERROR");
    expect(error.message).toBe("models/m.sql:2: boom");
    expect((error.cause as Error).message).toBe("boom");
  });
});

describe("nunjucks' shared state", () => {
  const plainRender = (source: string) => new nunjucks.Environment().renderString(source, {});
  const internals = nunjucks as unknown as {
    runtime: Record<string, unknown>;
    compiler: { Compiler: { prototype: Record<string, unknown> } };
    parser: { Parser: { prototype: Record<string, unknown> } };
  };
  const sharedFunctions = () => ({
    ...internals.runtime,
    ...internals.compiler.Compiler.prototype,
    ...internals.parser.Parser.prototype,
  });

  test("keeps every runtime, compiler and parser function it had", () => {
    const before = sharedFunctions();
    render("{{ True }}{{ [1] | join }}{{ 'ab'[1:] }}");
    expect(() => render("{{ nope() }}")).toThrow(TransformError);
    const after = sharedFunctions();
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const key of Object.keys(before)) expect([key, after[key]]).toEqual([key, before[key]]);
  });

  test("is as it was after a render", () => {
    const before = plainRender("{{ True }}|{{ true }}|{{ none }}|{{ [1, 2] }}");
    expect(before).toBe("|true||1,2");
    expect(render("{{ True }}")).toBe("True");
    expect(plainRender("{{ True }}|{{ true }}|{{ none }}|{{ [1, 2] }}")).toBe(before);
    expect(() => plainRender("{{ [1, 2][1:] }}")).toThrow();
  });

  test("is as it was after a render that failed", () => {
    expect(() => render("{{ True }}{{ nope() }}")).toThrow(TransformError);
    expect(() => render("{{ foo( }}")).toThrow(TransformError);
    expect(plainRender("{{ True }}|{{ true }}")).toBe("|true");
  });

  test("is as it was after a nested render from a context function", () => {
    const inner = () => render("{{ True }}");
    expect(render("{{ inner() }}|{{ None }}", { inner })).toBe("True|None");
    expect(plainRender("{{ True }}|{{ false }}")).toBe("|false");
  });
});
