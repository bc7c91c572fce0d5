// The static Jinja check: each construct from DBT-SEMANTICS B4 that nunjucks renders silently
// wrong or rejects is reported with its line, and what only looks like one (SQL `%`, comments,
// raw blocks, string literals, the supported forms) is not.
import { TransformError } from "../src/transformError";
import { assertJinjaSupported, createDbtEnvironment, lintJinja, renderDbt } from "../src/jinja";
import type { JinjaConstruct } from "../src/jinja";

const FILE = "models/m.sql";
const found = (source: string) => lintJinja(source, FILE).map((i) => [i.construct, i.line]);

describe("lintJinja reports", () => {
  test.each<[string, JinjaConstruct]>([
    ["{% for x in xs if x %}{{ x }}{% endfor %}", "for-if"],
    ["{% for k, v in d.items() if v > 1 %}{% endfor %}", "for-if"],
    ["{{ '%s_suffix' % name }}", "percent-format"],
    ['{% set q = "%s.x" % a %}', "percent-format"],
    ["{{ '-' * 3 }}", "repetition"],
    ["{{ 3 * '=' }}", "repetition"],
    ["{{ [0] * n }}", "repetition"],
    ["{{ [1] + [2] }}", "list-concat"],
    ["{{ xs + ['a'] }}", "list-concat"],
    ["{{ xs[-1] }}", "negative-index"],
    ["{{ 'abc'[-1] }}", "negative-index"],
    ["{{ f(x)[- 2] }}", "negative-index"],
    ["{% if x in ('a', 'b') %}{% endif %}", "tuple"],
    ["{% set pair = (1, 2) %}", "tuple"],
    ["{% set ns = namespace(found=false) %}", "namespace"],
    ["{% set ns.found = true %}", "set-attribute"],
    ["{% set a, b = pair %}", "set-unpack"],
    ["{% for x in xs %}{% break %}{% endfor %}", "break"],
    ["{% for x in xs %}{% continue %}{% endfor %}", "continue"],
    ["{% with a = 1 %}{{ a }}{% endwith %}", "with"],
    ["{% for x in xs %}{{ loop.cycle('odd', 'even') }}{% endfor %}", "loop-cycle"],
    ["{{ name.upper() }}", "string-method"],
    ["{{ name.lower() }}", "string-method"],
    ["{{ name.strip() }}", "string-method"],
    ["{% if name.startswith('stg_') %}{% endif %}", "string-method"],
    ["{% if name.endswith('_id') %}{% endif %}", "string-method"],
    ["{{ '{}_{}'.format(a, b) }}", "string-method"],
    ["{% if x is in ['a'] %}{% endif %}", "is-in"],
    ["{% if x is not in ['a'] %}{% endif %}", "is-in"],
    ["{% macro m() %}{{ return(1) }}{% endmacro %}", "return"],
    ["{% macro m() %}{% do return([1]) %}{% endmacro %}", "return"],
    ["{% macro m(a) %}{{ varargs | length }}{% endmacro %}", "macro-varargs"],
    ["{% macro m(a) %}{{ kwargs.get('b') }}{% endmacro %}", "macro-varargs"],
    ["{{ xs | join(d=', ') }}", "filter-kwargs"],
    ["{{ x | default('a', boolean=true) }}", "filter-kwargs"],
    ["{{ {'a': 1,} }}", "trailing-comma"],
    ["{{ [1, 2,] }}", "trailing-comma"],
    ["{% materialization table, default %}{% endmaterialization %}", "unknown-tag"],
    ["{% docs orders %}text{% enddocs %}", "unknown-tag"],
    ["{% test not_null(model, column_name) %}{% endtest %}", "unknown-tag"],
  ])("%s as %s", (source, construct) => {
    expect(found(source)).toEqual([[construct, 1]]);
  });

  test("each issue with the line of the construct, in source order", () => {
    const source = [
      "select",
      "  {{ cols[-1] }},", // 2
      "  {{ '%s' % x }}", // 3
      "from t",
      "{% for c in cols",
      "   if c %}", // 6: the `if`, not the tag's first line
      "{% endfor %}",
      "{#- {{ xs[-1] }} -#}",
      "{% set ns = namespace(n=0) %}", // 9
    ].join("\n");
    expect(found(source)).toEqual([
      ["negative-index", 2],
      ["percent-format", 3],
      ["for-if", 6],
      ["namespace", 9],
    ]);
  });

  test("with the file and a message saying what to write instead", () => {
    const [issue] = lintJinja("\n{% for x in xs if x %}{% endfor %}", FILE);
    expect(issue).toEqual({
      file: FILE,
      line: 2,
      construct: "for-if",
      message: "`{% for … if … %}` renders nothing in nunjucks; put `{% if %}` inside the loop",
    });
    expect(lintJinja("{{ n.startswith('a') }}", FILE)[0]?.message).toBe(
      "`.startswith()` is a Python str method nunjucks lacks (the call raises); use a slice: `x[:3] == 'abc'`",
    );
    expect(lintJinja("{% docs x %}{% enddocs %}", FILE)[0]?.message).toContain(
      "`{% docs %}` is not a tag nunjucks knows",
    );
    expect(lintJinja("{{ xs | join(d=',') }}", FILE)[0]?.message).toContain(
      "nunjucks' `join` filter ignores keyword arguments",
    );
  });

  test("inside whitespace-controlled delimiters", () => {
    expect(found("{{- xs[-1] -}}\n{%- break -%}")).toEqual([
      ["negative-index", 1],
      ["break", 2],
    ]);
  });
});

describe("lintJinja does not report", () => {
  test.each([
    ["SQL `%` outside Jinja", "select * from t where name like 'a%' and n % 2 = 0"],
    ["SQL `%` next to Jinja", "where x like '{{ prefix }}%' and y like '%{{ s }}'"],
    ["SQL text that looks like code", "select a[-1], (a, b), 'x' * 3, upper(x) from t"],
    ["comments", "{# {% for x in xs if x %} {{ '%s' % x }} namespace() #}select 1"],
    ["raw blocks", "{% raw %}{{ xs[-1] }}{% for x in y if z %}{% endraw %}{{ ok }}"],
    ["nested raw blocks", "{% raw %}{% raw %}{{ a[-1] }}{% endraw %}{{ b[-1] }}{% endraw %}"],
    [
      "string literals",
      `{{ "a[-1]" }}{{ '%s' }}{{ "x.upper()" ~ '(a, b)' }}{% set s = 'for x in y if z' %}`,
    ],
    ["a string holding a delimiter", "{{ '}}' ~ xs[0] }}{% set t = '%}' %}"],
    [
      "modulo and multiplication of numbers",
      "{{ n % 2 }}{{ loop_n * 3 }}{{ xs[0] * 2 }}{{ 2 ** 3 }}",
    ],
    ["`%` in a format string given to the filter", "{{ '%s_%s' | format(a, b) }}"],
    [
      "slices, negative ones included",
      "{{ xs[1:] }}{{ xs[-2:] }}{{ xs[:-1] }}{{ s[-3:] == 'abc' }}",
    ],
    ["a list literal of negative numbers", "{{ [-1, 2] }}{% set xs = [-1] %}"],
    [
      "calls and macro signatures with commas",
      "{% macro m(a, b=1) %}{{ f(a, b) }}{% endmacro %}{{ m(1, b=2) }}",
    ],
    ["call blocks", "{% call(row) grid(rows) %}{{ row }}{% endcall %}"],
    ["for with two targets", "{% for k, v in d.items() %}{{ k }}{% endfor %}"],
    ["an inline if in a for body", "{% for x in xs %}{{ x if x else '' }}{% endfor %}"],
    ["the `in` operator", "{% if x in ['a'] and y not in ['b'] %}{% endif %}"],
    ["JS string methods that work", "{{ s.replace('a', 'b') }}{{ s.split(',') | join }}"],
    ["attributes named like keywords", "{{ cfg.return }}{{ x.namespace }}{{ m.kwargs }}"],
    ["kwargs declared as a macro parameter", "{% macro m(kwargs) %}{{ kwargs }}{% endmacro %}"],
    ["kwargs outside any macro", "{% set kwargs = {'a': 1} %}{{ kwargs.a }}"],
    ["a keyword argument named kwargs", "{% macro m() %}{{ f(kwargs=1) }}{% endmacro %}"],
    [
      "keywords to the filters that read them",
      "{{ xs | sort(attribute='n') | map(attribute='n') | unique(case_sensitive=true) | tojson(indent=2) }}",
    ],
    ["keywords to a function call", "{{ config(materialized='table') }}{{ ref('a', v=2) }}"],
    [
      "the supported tags",
      "{% set x %}a{% endset %}{% if a %}{% elif b %}{% else %}{% endif %}{% filter upper %}x{% endfilter %}{% do xs.append(1) %}",
    ],
    ["dicts and subscripts", "{{ {'a': [1, 2]}['a'][0] }}{{ d['k'] }}"],
    ["an unclosed region (nunjucks reports it when rendering)", "select {{ x "],
  ])("%s", (_case, source) => {
    expect(lintJinja(source, FILE)).toEqual([]);
  });

  test("what it accepts renders in nunjucks", () => {
    const source =
      "{% macro m(a, b=1) %}{{ a }}{{ b }}{% endmacro %}{{ m(1, b=2) }}|{{ 'abcdef'[-3:] == 'def' }}|{{ ['a', 'b'][5 % 2] }}";
    expect(lintJinja(source, FILE)).toEqual([]);
    expect(renderDbt(createDbtEnvironment(), source, {}, FILE)).toBe("12|True|b");
  });
});

describe("assertJinjaSupported", () => {
  test("passes supported Jinja", () => {
    expect(() => assertJinjaSupported("select {{ ref('a') }}", FILE)).not.toThrow();
  });

  test("throws COMPILE_ERROR naming file and line of the first issue, and how many more", () => {
    const source = "select 1\n{{ xs[-1] }}\n{% break %}\n{{ s.upper() }}";
    let error: TransformError | undefined;
    try {
      assertJinjaSupported(source, FILE);
    } catch (e) {
      error = e as TransformError;
    }
    expect(error).toBeInstanceOf(TransformError);
    expect(error?.code).toBe("COMPILE_ERROR");
    expect(error?.message).toBe(
      "models/m.sql:2: `x[-1]` is empty in nunjucks (no negative indexes); use `x | last`, or a slice such as `x[-2:]` (and 2 more unsupported constructs)",
    );
    expect((error?.details?.issues as unknown[]).length).toBe(3);
  });

  test("says nothing more when there is one issue", () => {
    expect(() => assertJinjaSupported("{% with %}{% endwith %}", FILE)).toThrow(
      /^models\/m\.sql:1: `\{% with %\}` is not supported by nunjucks; use `\{% set %\}` \(or a macro for a local scope\)$/,
    );
  });
});
