// The nunjucks environment dbt model SQL renders in, configured as dbt configures Jinja as far
// as nunjucks allows, and renderDbt, which renders one template with Jinja's semantics and turns
// nunjucks' errors into COMPILE_ERROR naming the file and line.
import nunjucks from "nunjucks";
import { TransformError } from "../transformError";
import { addDbtFilters } from "./dbtFilters";
import { DoExtension } from "./doExtension";
import { withJinjaRuntime } from "./withJinjaRuntime";

/**
 * A nunjucks environment configured like dbt's Jinja: no autoescape, no trim_blocks or
 * lstrip_blocks, undefined names render empty; plus the `do` tag and the filters nunjucks lacks
 * (`tojson`, `unique`, `map`, `format`; `selectattr`/`rejectattr` with a test).
 * It has no loader: `include`/`import`/`extends` of other files are not available.
 */
export function createDbtEnvironment(): nunjucks.Environment {
  const env = new nunjucks.Environment(null, {
    autoescape: false,
    throwOnUndefined: false,
    trimBlocks: false,
    lstripBlocks: false,
    // Keeps nunjucks' own error object, with the line and the error a context function threw.
    dev: true,
  });
  env.addExtension("DoExtension", new DoExtension());
  addDbtFilters(env);
  return env;
}

function isTransformError(error: unknown): error is TransformError {
  if (error instanceof TransformError) return true;
  // Matched by name too: a second copy of the package (or a serialised error) is not instanceof.
  return (
    error instanceof Error &&
    error.name === "TransformError" &&
    typeof (error as { code?: unknown }).code === "string"
  );
}

const HEADER = /^\([^)]*\)(?: \[Line (\d+)(?:, Column \d+)?\])?\s*/;

/**
 * Walks nunjucks' wrapping (a TemplateError whose `cause` is what a call threw, possibly wrapped
 * again) down to the innermost error: its message, and the innermost line nunjucks knew.
 */
function unwrap(error: unknown): { line: number | undefined; message: string; cause: unknown } {
  let current: unknown = error;
  let line: number | undefined;
  for (let hops = 0; hops < 10 && current instanceof nunjucks.lib.TemplateError; hops += 1) {
    const { cause, lineno } = current;
    if (cause instanceof Error) {
      // A wrapped throw carries the 0-based line of the call nunjucks was making.
      if (typeof lineno === "number") line = lineno + 1;
      current = cause;
      continue;
    }
    // A parse error (or nunjucks' own render error) carries a 1-based line.
    const header = HEADER.exec(current.message);
    if (typeof lineno === "number" && lineno > 0) line = lineno;
    else if (header?.[1] !== undefined) line = Number(header[1]);
    return { line, message: current.message.slice(header?.[0].length ?? 0), cause: current };
  }
  const message = current instanceof Error ? current.message : String(current);
  return { line, message, cause: current };
}

/** The TransformError a context function threw, however deep nunjucks wrapped it. */
function thrownTransformError(error: unknown): TransformError | undefined {
  let current = error;
  for (let hops = 0; hops < 10 && current instanceof Error; hops += 1) {
    if (isTransformError(current)) return current;
    current = current.cause;
  }
  return undefined;
}

/** A nunjucks error as COMPILE_ERROR naming `file` and the line (a thrown TransformError as is). */
export function compileError(error: unknown, file: string): TransformError {
  const thrown = thrownTransformError(error);
  if (thrown !== undefined) return thrown;
  const { line, message, cause } = unwrap(error);
  const where = line === undefined ? file : `${file}:${line}`;
  return new TransformError("COMPILE_ERROR", `${where}: ${message.replace(/\s+/g, " ").trim()}`, {
    cause,
    details: { file, line: line ?? null },
  });
}

/**
 * Renders dbt model SQL (`source`) in `env` (from {@link createDbtEnvironment}) with Jinja's
 * semantics as far as nunjucks allows:
 * - Jinja compat (True/False/None, `.items()`, `.get()`, `.append()`, slices) is installed only
 *   for this synchronous render and removed after, so other nunjucks users never see it;
 * - True/False/None print as Python does, and lists/dicts as Python's repr (`['a', 'b']`); a
 *   context function meaning "nothing" must return `""` or undefined, since null prints `None`;
 * - exactly one trailing newline of the source is dropped, as Jinja does.
 * A TransformError thrown by a context function (e.g. `ref()`) reaches the caller as it was
 * thrown; any other error becomes COMPILE_ERROR `<file>:<line>: <message>` (the line when
 * nunjucks knows it), with nunjucks' error as `cause`.
 */
export function renderDbt(
  env: nunjucks.Environment,
  source: string,
  context: Readonly<Record<string, unknown>>,
  file: string,
): string {
  const template = source.replace(/(?:\r\n|\r|\n)$/, "");
  try {
    return withJinjaRuntime(() =>
      new nunjucks.Template(template, env, undefined, true).render(context),
    );
  } catch (error) {
    throw compileError(error, file);
  }
}
