// The Jinja constructs nunjucks renders silently wrong or rejects (DBT-SEMANTICS B4), each with
// what goes wrong and what to write instead: the one table lintJinja's messages come from.

/** A construct lintJinja reports. */
export type JinjaConstruct =
  | "for-if"
  | "percent-format"
  | "repetition"
  | "list-concat"
  | "negative-index"
  | "tuple"
  | "namespace"
  | "set-attribute"
  | "set-unpack"
  | "break"
  | "continue"
  | "with"
  | "loop-cycle"
  | "string-method"
  | "is-in"
  | "return"
  | "macro-varargs"
  | "filter-kwargs"
  | "trailing-comma"
  | "unknown-tag";

/** What to write instead of each Python str method (all raise in nunjucks). */
const STRING_METHODS: Readonly<Record<string, string>> = {
  upper: "`x | upper`",
  lower: "`x | lower`",
  strip: "`x | trim`",
  lstrip: "`x | trim`",
  rstrip: "`x | trim`",
  title: "`x | title`",
  capitalize: "`x | capitalize`",
  startswith: "a slice: `x[:3] == 'abc'`",
  endswith: "a slice: `x[-3:] == 'abc'`",
  format: "the format filter: `'%s_%s' | format(a, b)`",
};

/** Names of the Python str methods reported as `string-method`. */
export const PYTHON_STRING_METHODS: ReadonlySet<string> = new Set(Object.keys(STRING_METHODS));

const MESSAGES: Readonly<Record<JinjaConstruct, (detail: string) => string>> = {
  "for-if": () => "`{% for … if … %}` renders nothing in nunjucks; put `{% if %}` inside the loop",
  "percent-format": () =>
    "`'…' % x` string formatting gives NaN in nunjucks; use the format filter (`'…%s…' | format(x)`) or `~`",
  repetition: () =>
    "`'-' * 3` (string or list repetition) gives NaN in nunjucks; write the text out, or loop over `range(n)`",
  "list-concat": () =>
    "`[…] + […]` joins the lists into a string in nunjucks; build one list with `{% do xs.append(x) %}` in a loop",
  "negative-index": () =>
    "`x[-1]` is empty in nunjucks (no negative indexes); use `x | last`, or a slice such as `x[-2:]`",
  tuple: () =>
    "`(a, b)` is not a tuple in nunjucks (the parentheses only group); use a list `[a, b]`",
  namespace: () =>
    "`namespace()` does not exist in nunjucks; keep the state in a dict, `{% set ns = {'x': 0} %}`, and change it with `{% do ns.update({'x': …}) %}`",
  "set-attribute": () =>
    "`{% set ns.x = … %}` fails in nunjucks (only plain names can be set); use `{% do ns.update({'x': …}) %}` on a dict",
  "set-unpack": () =>
    "`{% set a, b = … %}` gives every name the whole value in nunjucks (no unpacking); set each name on its own, `{% set a = v[0] %}`",
  break: () =>
    "`{% break %}` is not supported by nunjucks; filter the list first (`| selectattr(…)`) or guard the body with `{% if %}`",
  continue: () =>
    "`{% continue %}` is not supported by nunjucks; guard the rest of the body with `{% if %}`",
  with: () =>
    "`{% with %}` is not supported by nunjucks; use `{% set %}` (or a macro for a local scope)",
  "loop-cycle": () =>
    "`loop.cycle()` does not exist in nunjucks; index a list instead: `['a', 'b'][loop.index0 % 2]`",
  "string-method": (method) =>
    `\`.${method}()\` is a Python str method nunjucks lacks (the call raises); use ${STRING_METHODS[method] ?? "a filter"}`,
  "is-in": () =>
    "the `in` test (`x is in [...]`) does not exist in nunjucks; use the operator: `x in [...]`",
  return: () =>
    "dbt's `return()` is not supported: a macro can only render text here; render the value with `{{ … }}` and use the text",
  "macro-varargs": (name) =>
    `\`${name}\` is always empty in nunjucks macros; declare each argument by name in the macro's signature`,
  "filter-kwargs": (filter) =>
    `nunjucks' \`${filter}\` filter ignores keyword arguments (the dict is taken as a positional value); pass them positionally`,
  "trailing-comma": () =>
    "a trailing comma in a list or dict does not parse in nunjucks; remove it",
  "unknown-tag": (tag) =>
    `\`{% ${tag} %}\` is not a tag nunjucks knows (it fails to compile); this runner supports if, for, set, macro, call, filter, raw and do`,
};

/** The message for a construct; `detail` names the method, tag, filter or name involved. */
export function describeConstruct(construct: JinjaConstruct, detail = ""): string {
  return MESSAGES[construct](detail);
}
