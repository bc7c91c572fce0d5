// A static pass over a model's raw Jinja that reports what nunjucks renders silently wrong or
// does not support (DBT-SEMANTICS B4), naming the line and what to write instead. It reads only
// `{{ … }}` and `{% … %}` code, never SQL text, comments, raw blocks or string literals.
import { TransformError } from "../transformError";
import { type JinjaToken, lineIndex, scanJinja } from "./scanJinja";
import {
  describeConstruct,
  type JinjaConstruct,
  PYTHON_STRING_METHODS,
} from "./unsupportedConstructs";

/** One unsupported construct found in a template. */
export interface JinjaIssue {
  readonly file: string;
  /** 1-based line of the construct. */
  readonly line: number;
  readonly construct: JinjaConstruct;
  /** What is unsupported, and what to write instead. */
  readonly message: string;
}

/** Tags nunjucks parses, with the `do` tag that createDbtEnvironment adds. */
const KNOWN_TAGS = new Set([
  ...["raw", "endraw", "verbatim", "endverbatim", "if", "ifAsync", "elif", "elseif", "else"],
  ...["endif", "for", "asyncEach", "asyncAll", "endfor", "endeach", "endall", "block"],
  ...["endblock", "extends", "include", "set", "endset", "macro", "endmacro", "call"],
  ...["endcall", "import", "from", "filter", "endfilter", "switch", "case", "default"],
  ...["endswitch", "do"],
]);

/** Words after which `(` opens a group and `[` a list, rather than a call or a subscript. */
const KEYWORDS = new Set(["and", "or", "not", "in", "is", "if", "else", "elif", "elseif"]);
for (const word of ["for", "set", "do", "with"]) KEYWORDS.add(word);

/** Filters that read keyword arguments: nunjucks' sort and int, and createDbtEnvironment's. */
const KEYWORD_FILTERS = new Set(["sort", "int", "tojson", "unique", "map", "format"]);

interface Found {
  readonly construct: JinjaConstruct;
  readonly token: JinjaToken;
  readonly detail?: string;
}

type Report = (construct: JinjaConstruct, token: JinjaToken, detail?: string) => void;

interface Group {
  readonly kind: "call" | "group" | "subscript" | "list" | "dict";
  readonly open: number;
  readonly filter: string | undefined;
  commas: number;
  colons: number;
  keywordReported: boolean;
}

function endsOperand(token: JinjaToken | undefined): boolean {
  if (!token) return false;
  if (token.type === "name") return !KEYWORDS.has(token.value);
  return token.type === "string" || [")", "]", "}"].includes(token.value);
}

/** What a bracket opens, after an operand (`f(`, `x[`) and elsewhere (`(a`, `[1`). */
const GROUP_KINDS = {
  "(": ["call", "group"],
  "[": ["subscript", "list"],
  "{": ["dict", "dict"],
} as const;

function openGroup(tokens: readonly JinjaToken[], i: number): Group {
  const prev = tokens[i - 1];
  const [afterOperand, otherwise] = GROUP_KINDS[tokens[i]!.value as keyof typeof GROUP_KINDS];
  const kind = endsOperand(prev) ? afterOperand : otherwise;
  const isFilterCall = kind === "call" && prev?.type === "name" && tokens[i - 2]?.value === "|";
  const filter = isFilterCall ? prev.value : undefined;
  return { kind, open: i, filter, commas: 0, colons: 0, keywordReported: false };
}

/** Checks a closed bracket; returns whether it closed a list literal. */
function closeGroup(
  tokens: readonly JinjaToken[],
  i: number,
  group: Group,
  report: Report,
): boolean {
  const open = tokens[group.open]!;
  if (tokens[i - 1]?.value === "," && (group.kind === "list" || group.kind === "dict"))
    report("trailing-comma", tokens[i - 1]!);
  if (group.kind === "group" && group.commas > 0) report("tuple", open);
  if (group.kind === "subscript" && group.colons === 0 && tokens[group.open + 1]?.value === "-")
    report("negative-index", open);
  return group.kind === "list";
}

/** Checks one operator token against its neighbours. */
function checkOperator(
  tokens: readonly JinjaToken[],
  i: number,
  closesList: (index: number) => boolean,
  report: Report,
): void {
  const token = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const nextIsList = next?.value === "[";
  switch (token.value) {
    case "%":
      if (prev?.type === "string") report("percent-format", token);
      break;
    case "*":
      if (prev?.type === "string" || closesList(i - 1) || next?.type === "string" || nextIsList)
        report("repetition", token);
      break;
    case "+":
      if (closesList(i - 1) || nextIsList) report("list-concat", token);
      break;
    case ".":
      if (next?.type !== "name") break;
      if (PYTHON_STRING_METHODS.has(next.value) && tokens[i + 2]?.value === "(")
        report("string-method", next, next.value);
      if (prev?.value === "loop" && next.value === "cycle") report("loop-cycle", next);
      break;
  }
}

/** Checks one name token that is not an attribute (`x.name`). */
function checkName(
  tokens: readonly JinjaToken[],
  i: number,
  macroParams: ReadonlySet<string> | undefined,
  report: Report,
): void {
  const token = tokens[i]!;
  const next = tokens[i + 1];
  if (tokens[i - 1]?.value === ".") return;
  if ((token.value === "namespace" || token.value === "return") && next?.value === "(")
    report(token.value, token);
  if (
    token.value === "is" &&
    (next?.value === "in" || (next?.value === "not" && tokens[i + 2]?.value === "in"))
  )
    report("is-in", token);
  const isVarargs = token.value === "varargs" || token.value === "kwargs";
  if (isVarargs && macroParams && !macroParams.has(token.value) && next?.value !== "=")
    report("macro-varargs", token, token.value);
}

/** Checks the expression code of one region: operators, brackets and names. */
function checkExpressions(
  tokens: readonly JinjaToken[],
  macroParams: ReadonlySet<string> | undefined,
  report: Report,
): void {
  const stack: Group[] = [];
  const listEnds = new Set<number>();
  const closesList = (index: number) => listEnds.has(index);
  tokens.forEach((token, i) => {
    if (token.type === "name") return checkName(tokens, i, macroParams, report);
    if (token.type !== "op") return;
    const top = stack.at(-1);
    if (["(", "[", "{"].includes(token.value)) stack.push(openGroup(tokens, i));
    else if ([")", "]", "}"].includes(token.value)) {
      const group = stack.pop();
      if (group && closeGroup(tokens, i, group, report)) listEnds.add(i);
    } else if (token.value === "," && top) top.commas += 1;
    else if (token.value === ":" && top) top.colons += 1;
    else if (token.value === "=" && top?.filter && !KEYWORD_FILTERS.has(top.filter)) {
      if (!top.keywordReported) report("filter-kwargs", token, top.filter);
      top.keywordReported = true;
    } else checkOperator(tokens, i, closesList, report);
  });
}

/** For each token, whether it sits outside every bracket. */
function topLevel(tokens: readonly JinjaToken[]): boolean[] {
  let depth = 0;
  return tokens.map((token) => {
    if (token.type === "op" && [")", "]", "}"].includes(token.value)) depth -= 1;
    const outside = depth === 0;
    if (token.type === "op" && ["(", "[", "{"].includes(token.value)) depth += 1;
    return outside;
  });
}

/** The names a `{% macro name(a, b=…) %}` declares. */
function macroParameters(tokens: readonly JinjaToken[]): Set<string> {
  const params = new Set<string>();
  let depth = 0;
  tokens.forEach((token, i) => {
    if (["(", "[", "{"].includes(token.value)) depth += 1;
    else if ([")", "]", "}"].includes(token.value)) depth -= 1;
    const prev = tokens[i - 1]?.value;
    if (depth === 1 && token.type === "name" && (prev === "(" || prev === ","))
      params.add(token.value);
  });
  return params;
}

/** Checks a tag's name and its statement-level form (for … if, set targets). */
function checkTag(tokens: readonly JinjaToken[], report: Report): void {
  const tag = tokens[0];
  if (tag?.type !== "name") return;
  const name = tag.value;
  if (name === "break" || name === "continue" || name === "with") return report(name, tag);
  // `{% enddocs %}` closes a tag already reported.
  if (!KNOWN_TAGS.has(name) && !name.startsWith("end")) return report("unknown-tag", tag, name);
  const outside = topLevel(tokens);
  if (name === "for") {
    const loopIn = tokens.findIndex((t, i) => outside[i] && t.type === "name" && t.value === "in");
    const filter = tokens.findIndex(
      (t, i) => loopIn > 0 && i > loopIn && outside[i] && t.type === "name" && t.value === "if",
    );
    if (filter > 0) report("for-if", tokens[filter]!);
  }
  if (name === "set") {
    const assign = tokens.findIndex((t, i) => outside[i] && t.value === "=");
    const targets = tokens.slice(1, assign < 0 ? undefined : assign);
    if (targets.some((t) => t.value === ".")) report("set-attribute", tokens[1]!);
    if (targets.some((t, i) => t.value === "," && outside[i + 1])) report("set-unpack", tokens[1]!);
  }
}

/**
 * Reports the constructs of `source` that nunjucks renders silently wrong or does not support:
 * `for … if`, `%` formatting, repetition, list `+`, negative indexes, tuples, namespace and
 * `set ns.x`, `set a, b =`, break/continue/with, loop.cycle, Python str methods, `is in`,
 * `return()`, macro varargs/kwargs, keyword arguments to nunjucks' filters, trailing commas and
 * unknown tags. Issues come in source order; `file` is copied into each.
 */
export function lintJinja(source: string, file: string): JinjaIssue[] {
  const found: Found[] = [];
  const report: Report = (construct, token, detail) => found.push({ construct, token, detail });
  const macros: Set<string>[] = [];
  for (const region of scanJinja(source)) {
    checkExpressions(region.tokens, macros.at(-1), report);
    if (region.kind !== "tag") continue;
    checkTag(region.tokens, report);
    const name = region.tokens[0]?.value;
    if (name === "macro") macros.push(macroParameters(region.tokens));
    if (name === "endmacro") macros.pop();
  }
  const lineOf = lineIndex(source);
  return found
    .sort((a, b) => a.token.offset - b.token.offset)
    .map(({ construct, token, detail }) => ({
      file,
      line: lineOf(token.offset),
      construct,
      message: describeConstruct(construct, detail),
    }));
}

/**
 * Throws COMPILE_ERROR `<file>:<line>: <message>` for the first issue lintJinja finds (saying
 * how many more there are); the issues are in the error's `details`.
 */
export function assertJinjaSupported(source: string, file: string): void {
  const issues = lintJinja(source, file);
  const [first] = issues;
  if (!first) return;
  const more = issues.length - 1;
  const suffix =
    more === 0 ? "" : ` (and ${more} more unsupported construct${more === 1 ? "" : "s"})`;
  throw new TransformError(
    "COMPILE_ERROR",
    `${first.file}:${first.line}: ${first.message}${suffix}`,
    {
      details: { file, issues },
    },
  );
}
