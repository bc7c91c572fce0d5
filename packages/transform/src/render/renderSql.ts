// Renders one SQL file of the project with the project's macros in scope. Macros from every
// macro file can call each other and see the node's context (ref, this, config…): each name is
// put into the context as a forwarder first, then every file's macros are bound to that context.
// Everything compiles and renders inside one Jinja runtime window (see jinja/withJinjaRuntime).
import nunjucks from "nunjucks";
import { compileError, createDbtEnvironment, renderDbt } from "../jinja/dbtEnvironment";
import { withJinjaRuntime } from "../jinja/withJinjaRuntime";
import type { MacroFile } from "../project/loadProject";
import { TransformError } from "../transformError";

type Macro = (...args: unknown[]) => unknown;

/** nunjucks' Template.getExported (runs the top level, hands back its macros); not in @types. */
interface ExportingTemplate {
  getExported(
    context: Record<string, unknown>,
    frame: null,
    callback: (error: Error | null, exported: Record<string, unknown>) => void,
  ): void;
}

/** What to render. */
export interface RenderInput {
  readonly sql: string;
  /** The file named in errors (project-relative). */
  readonly file: string;
  readonly context: Readonly<Record<string, unknown>>;
  /** Macro files, in override order (later files win). */
  readonly macros: readonly MacroFile[];
}

const environment = createDbtEnvironment();

/** Compiled macro files, by path and text (compiled inside a runtime window, as they must be). */
const templates = new Map<string, ExportingTemplate>();

function templateOf(file: MacroFile): ExportingTemplate {
  const key = `${file.path}\u0000${file.sql}`;
  let template = templates.get(key);
  if (template === undefined) {
    try {
      template = new nunjucks.Template(
        file.sql,
        environment,
        file.path,
        true,
      ) as unknown as ExportingTemplate;
    } catch (error) {
      throw compileError(error, file.path);
    }
    templates.set(key, template);
  }
  return template;
}

function bindMacros(
  context: Readonly<Record<string, unknown>>,
  macros: readonly MacroFile[],
): Record<string, unknown> {
  const registry = new Map<string, Macro>();
  const scope: Record<string, unknown> = { ...context };
  for (const file of macros)
    for (const name of file.macros)
      scope[name] = (...args: unknown[]) => {
        const macro = registry.get(name);
        if (macro === undefined)
          throw new TransformError("COMPILE_ERROR", `macro ${name} is not defined`);
        return macro(...args);
      };
  for (const file of macros) {
    let exported: Record<string, unknown> = {};
    try {
      templateOf(file).getExported(scope, null, (error, value) => {
        if (error) throw error;
        exported = value;
      });
    } catch (error) {
      throw compileError(error, file.path);
    }
    for (const name of file.macros) {
      const macro = exported[name];
      if (typeof macro === "function") registry.set(name, macro as Macro);
    }
  }
  return scope;
}

/** Renders `input.sql`; Jinja errors become COMPILE_ERROR naming file and line. */
export function renderSql(input: RenderInput): string {
  return withJinjaRuntime(() =>
    renderDbt(environment, input.sql, bindMacros(input.context, input.macros), input.file),
  );
}
