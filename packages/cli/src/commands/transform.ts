// `updraft transform run|test|build|seed|snapshot|ls|compile`: dbt's commands over a project
// folder, run in this process without the scheduler. Exit codes as dbt's: 0 done, 1 when a node
// errored or a test failed, 2 when the invocation itself is wrong (project, selection, flags,
// connection) and nothing ran.
import { existsSync } from "node:fs";
import path from "node:path";
import { Connection } from "@updraft/sdk";
import {
  type Command as TransformVerb,
  type CompiledProject,
  compileProject,
  type ExecutableNode,
  defaultTarget,
  loadProject,
  newInvocation,
  openWarehouse,
  plannedNodes,
  resolveSelection,
  runProject,
  type RunResults,
  selectableOf,
  type Target,
  type Warehouse,
  writeArtifacts,
} from "@updraft/transform";
import type { Config } from "../config";
import type { Io } from "./dags";
import { parseVars } from "./parseInput";
import { foundLine, resultLine, summaryLines } from "./transformOutput";
import { type TransformListFlags, listNodes } from "./transformList";
import {
  describeConnection,
  findWarehouseConnection,
  maskSecrets,
  requireWarehouseConnection,
  WarehouseConnectionError,
  warehouseTypeOf,
} from "./warehouseConnection";

export type { TransformListFlags };

/** Where the project is and where its artifacts and models go (every verb but ls). */
export interface TransformTargetFlags {
  /** @default the current folder */
  readonly projectDir?: string;
  /** Relative paths are taken from the project folder, as dbt does. @default "<project-dir>/target" */
  readonly targetPath?: string;
  /** @default config.transformConnId */
  readonly connId?: string;
  readonly targetSchema?: string;
  readonly targetDatabase?: string;
}

/** The flags of run, test, build, seed and snapshot. */
export interface TransformRunFlags extends TransformTargetFlags {
  readonly select?: readonly string[];
  readonly exclude?: readonly string[];
  readonly fullRefresh?: boolean;
  readonly failFast?: boolean;
  /** A YAML or JSON mapping. */
  readonly vars?: string;
}

/** Exit code of an invocation that could not start, as dbt's. */
const INVOCATION_ERROR = 2;

/** Errors that are the whole story for the user: printed as one message, exit 2. */
function isInvocationProblem(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return error.name === "TransformError" || error.name === "RangeError" || typeof code === "string";
}

async function reportingProblems(
  io: Io,
  mask: (text: string) => string,
  work: () => number | Promise<number>,
): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (!isInvocationProblem(error)) throw error;
    io.err(mask(error.message));
    return INVOCATION_ERROR;
  }
}

/** The project folder: it must hold dbt_project.yml. */
export function projectDirOf(cwd: string, flag: string | undefined): string {
  const dir = path.resolve(cwd, flag ?? ".");
  if (!existsSync(path.join(dir, "dbt_project.yml")))
    throw new RangeError(
      `--project-dir: expected a folder holding dbt_project.yml, got ${dir} (it has none); run from the project's folder or pass --project-dir <folder>`,
    );
  return dir;
}

const targetPathOf = (projectDir: string, flags: TransformTargetFlags): string =>
  path.resolve(projectDir, flags.targetPath ?? "target");

function targetOverrides(flags: TransformTargetFlags): Partial<Target> {
  return {
    ...(flags.targetSchema === undefined ? {} : { schema: flags.targetSchema }),
    ...(flags.targetDatabase === undefined ? {} : { database: flags.targetDatabase }),
  };
}

/** The parsed project (with `--vars` applied, as dbt's parse does), or TransformError naming the file. */
function compileAt(
  projectDir: string,
  vars: Readonly<Record<string, unknown>> = {},
): CompiledProject {
  return compileProject(loadProject(projectDir), { vars });
}

async function openWarehouseOf(
  connection: Connection,
  target: Partial<Target>,
): Promise<Warehouse> {
  try {
    return await openWarehouse(connection, target);
  } catch (error) {
    throw new WarehouseConnectionError(
      `connection ${describeConnection(connection)}: the warehouse could not be opened (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** dbt's warning for selectors that reach nothing (the run goes on without them). */
function warnUnmatched(
  project: CompiledProject,
  selection: { select: readonly string[]; exclude: readonly string[] },
  io: Io,
): void {
  const nodes = project.nodes.map((node) => selectableOf(project, node));
  for (const selector of resolveSelection(nodes, selection).unmatched)
    io.err(`The selection criterion '${selector}' does not match any enabled nodes`);
}

const emptyRun = (command: TransformVerb): RunResults => ({
  command,
  results: [],
  startedAt: new Date().toISOString(),
  elapsedTime: 0,
  success: true,
});

/** A run checked and parsed, before the warehouse is opened. */
interface PreparedRun {
  readonly command: TransformVerb;
  readonly flags: TransformRunFlags;
  readonly project: CompiledProject;
  readonly plan: readonly ExecutableNode[];
  readonly connection: Connection;
  readonly vars: Readonly<Record<string, unknown>>;
  readonly targetPath: string;
}

/** Opens the warehouse, runs the plan printing a line per node, writes the artifacts. */
async function executePlan(
  run: PreparedRun,
  io: Io,
  mask: (text: string) => string,
): Promise<number> {
  const { command, flags, project, plan, connection } = run;
  const warehouse = await openWarehouseOf(connection, targetOverrides(flags));
  const { target } = warehouse;
  const where = target.database === null ? "" : ` in database ${target.database}`;
  io.out(`Connection ${describeConnection(connection)}, target schema ${target.schema}${where}`);
  io.out("");
  const invocation = newInvocation(warehouse.type, target);
  let finished = 0;
  let results: RunResults;
  try {
    results = await runProject(project, warehouse, {
      command,
      select: flags.select ?? [],
      exclude: flags.exclude ?? [],
      fullRefresh: flags.fullRefresh === true,
      failFast: flags.failFast === true,
      vars: run.vars,
      onResult: (result, node) => {
        finished += 1;
        io.out(mask(resultLine(finished, plan.length, node, result, target)));
      },
    });
  } finally {
    await warehouse.close();
  }
  writeArtifacts(run.targetPath, project, invocation, results);
  for (const line of summaryLines(plan, results)) io.out(mask(line));
  return results.success ? 0 : 1;
}

/** `transform run | test | build | seed | snapshot`. */
export async function runTransform(
  command: TransformVerb,
  config: Config,
  cwd: string,
  flags: TransformRunFlags,
  io: Io,
): Promise<number> {
  let connection: Connection | null = null;
  const mask = (text: string): string => maskSecrets(connection, text);
  return reportingProblems(io, mask, async () => {
    const projectDir = projectDirOf(cwd, flags.projectDir);
    const vars = parseVars(flags.vars);
    const project = compileAt(projectDir, vars);
    const selection = { select: flags.select ?? [], exclude: flags.exclude ?? [] };
    const plan = plannedNodes(project, { command, ...selection });
    warnUnmatched(project, selection, io);
    connection = await requireWarehouseConnection(config, flags.connId ?? config.transformConnId);
    const type = warehouseTypeOf(connection);
    const targetPath = targetPathOf(projectDir, flags);
    io.out(foundLine(project));
    if (plan.length > 0)
      return executePlan({ command, flags, project, plan, connection, vars, targetPath }, io, mask);
    // dbt writes both artifacts even when the selection is empty.
    const target = defaultTarget(connection, targetOverrides(flags));
    writeArtifacts(targetPath, project, newInvocation(type, target), emptyRun(command));
    io.out("Nothing to do. Try checking your model configs and model specification args");
    return 0;
  });
}

/** `transform compile`: parses the project and writes manifest.json; connects to nothing. */
export async function compileTransform(
  config: Config,
  cwd: string,
  flags: TransformTargetFlags,
  io: Io,
): Promise<number> {
  return reportingProblems(
    io,
    (text) => text,
    async () => {
      const projectDir = projectDirOf(cwd, flags.projectDir);
      const project = compileAt(projectDir);
      const connId = flags.connId ?? config.transformConnId;
      // The manifest names relations, so it needs the warehouse's type and target, not a session.
      const connection = await findWarehouseConnection(config, connId);
      if (connection === null)
        io.err(
          `No connection "${connId}" found; manifest.json assumes a duckdb warehouse (--conn-id names another)`,
        );
      const overrides = targetOverrides(flags);
      const invocation =
        connection === null
          ? newInvocation(
              "duckdb",
              defaultTarget(new Connection({ conn_id: connId, conn_type: "duckdb" }), overrides),
            )
          : newInvocation(warehouseTypeOf(connection), defaultTarget(connection, overrides));
      const targetPath = targetPathOf(projectDir, flags);
      writeArtifacts(targetPath, project, invocation);
      io.out(foundLine(project));
      io.out(`Wrote ${path.join(targetPath, "manifest.json")}`);
      return 0;
    },
  );
}

/** `transform ls`: the selected nodes, one per line; reads the project only. */
export async function listTransformNodes(
  cwd: string,
  flags: TransformListFlags,
  io: Io,
): Promise<number> {
  return reportingProblems(
    io,
    (text) => text,
    () => listNodes(compileAt(projectDirOf(cwd, flags.projectDir)), flags, io),
  );
}
