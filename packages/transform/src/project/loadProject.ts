// Reads a dbt-style project folder: dbt_project.yml (name, the *-paths, vars, the per-folder
// `models:`/`seeds:`/`snapshots:` configs), every model, macro, seed, snapshot and singular
// test file, and the properties (YAML) files beside them. Nothing is compiled here.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { parse as parseYaml } from "yaml";
import { TransformError } from "../transformError";
import {
  type Properties,
  readProperties,
  type ResourceProperties,
  type SourceTable,
} from "./schemaFiles";

/** One SQL file of the project (model, singular test or snapshot block). */
export interface ModelFile {
  /** The file name without .sql (a snapshot's block name): what ref() names. */
  readonly name: string;
  /** Relative to the project root, with forward slashes (dbt's original_file_path). */
  readonly path: string;
  /** Folders from the resource path down to the file (for folder configs and dbt's fqn). */
  readonly folders: readonly string[];
  readonly sql: string;
}

/** A seed: a CSV file loaded as a table. */
export interface SeedFile {
  readonly name: string;
  readonly path: string;
  readonly folders: readonly string[];
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** A macro file: its text and the macros (and `{% test %}` blocks) it defines. */
export interface MacroFile {
  readonly path: string;
  /** The text with `{% test x(…) %}` rewritten to `{% macro test_x(…) %}`, lines kept. */
  readonly sql: string;
  readonly macros: readonly string[];
}

/** A loaded project. */
export interface Project {
  readonly name: string;
  readonly root: string;
  readonly vars: Readonly<Record<string, unknown>>;
  /** dbt_project.yml's `models:` block for this project (keys `+materialized`, folder names…). */
  readonly modelConfigs: Readonly<Record<string, unknown>>;
  readonly seedConfigs: Readonly<Record<string, unknown>>;
  readonly snapshotConfigs: Readonly<Record<string, unknown>>;
  readonly models: readonly ModelFile[];
  readonly seeds: readonly SeedFile[];
  readonly snapshots: readonly ModelFile[];
  /** Singular tests: tests/**\/*.sql. */
  readonly tests: readonly ModelFile[];
  readonly macros: readonly MacroFile[];
  readonly sources: readonly SourceTable[];
  readonly properties: Omit<Properties, "sources">;
}

export type { SourceTable };

function invalid(message: string): never {
  throw new TransformError("INVALID_PROJECT", message);
}

function yamlOf(file: string): unknown {
  try {
    return parseYaml(readFileSync(file, "utf8"));
  } catch (error) {
    return invalid(
      `${file}: not valid YAML (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

function filesUnder(dir: string, extensions: readonly string[]): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return filesUnder(full, extensions);
    return extensions.some((e) => entry.endsWith(e)) ? [full] : [];
  });
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function pathsOf(projectFile: string, project: Record<string, unknown>, key: string): string[] {
  const fallback = `${key.replace("-paths", "")}s`;
  const value: unknown = project[key] ?? [fallback];
  if (!Array.isArray(value) || value.some((p) => typeof p !== "string"))
    return invalid(`${projectFile}: ${key}: expected a list of folders`);
  return value as string[];
}

interface Located {
  readonly full: string;
  readonly path: string;
  readonly folders: string[];
}

function locate(root: string, base: string, file: string): Located {
  return {
    full: file,
    path: path.relative(root, file).split(path.sep).join("/"),
    folders: path.relative(base, file).split(path.sep).slice(0, -1),
  };
}

/** Blank out everything but newlines, so a block's lines keep their numbers. */
const blank = (text: string): string => text.replace(/[^\n]/g, "");

const SNAPSHOT_BLOCK = /\{%-?\s*snapshot\s+(\w+)\s*-?%\}([\s\S]*?)\{%-?\s*endsnapshot\s*-?%\}/g;

/** The `{% snapshot name %}` blocks of a file, each body padded to keep its line numbers. */
function snapshotsIn(located: Located, sql: string): ModelFile[] {
  const found: ModelFile[] = [];
  for (const match of sql.matchAll(SNAPSHOT_BLOCK)) {
    const before = sql.slice(0, match.index + match[0].indexOf(match[2]!));
    found.push({
      name: match[1]!,
      path: located.path,
      folders: located.folders,
      sql: blank(before) + match[2]!,
    });
  }
  if (found.length === 0 && /\S/.test(sql))
    invalid(`${located.path}: expected a {% snapshot <name> %} … {% endsnapshot %} block`);
  return found;
}

/** dbt's `{% test name(args) %}` blocks are macros named test_<name>; lines are kept. */
function macroFileOf(located: Located, sql: string): MacroFile {
  const rewritten = sql
    .replace(/\{%(-?)\s*test\s+(\w+)\s*\(/g, "{%$1 macro test_$2(")
    .replace(/\{%(-?)\s*endtest\s*(-?)%\}/g, "{%$1 endmacro $2%}");
  const macros = [...rewritten.matchAll(/\{%-?\s*macro\s+(\w+)\s*\(/g)].map((m) => m[1]!);
  return { path: located.path, sql: rewritten, macros };
}

function seedOf(located: Located): SeedFile {
  let records: string[][];
  try {
    const parsed: unknown = parseCsv(readFileSync(located.full, "utf8"), {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
    });
    records = parsed as string[][];
  } catch (error) {
    return invalid(
      `${located.path}: not valid CSV (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const [header, ...rows] = records;
  if (header === undefined || header.length === 0)
    return invalid(`${located.path}: expected a header row naming the columns`);
  return {
    name: path.basename(located.full, ".csv"),
    path: located.path,
    folders: located.folders,
    header,
    rows,
  };
}

function ensureUnique(kind: string, files: readonly { name: string; path: string }[]): void {
  const seen = new Map<string, string>();
  for (const file of files) {
    const other = seen.get(file.name);
    if (other !== undefined)
      invalid(`two ${kind} are named "${file.name}": ${other} and ${file.path}`);
    seen.set(file.name, file.path);
  }
}

/** Loads the project in `root`; throws TransformError INVALID_PROJECT naming the file and field. */
export function loadProject(root: string): Project {
  const projectFile = path.join(root, "dbt_project.yml");
  const project = yamlOf(projectFile);
  if (!isObject(project)) return invalid(`${projectFile}: expected a mapping`);
  const name = project.name;
  if (typeof name !== "string" || !/^\w+$/.test(name))
    return invalid(
      `${projectFile}: name: expected a project name (letters, digits, _), got ${JSON.stringify(name)}`,
    );
  const models: ModelFile[] = [];
  const seeds: SeedFile[] = [];
  const snapshots: ModelFile[] = [];
  const tests: ModelFile[] = [];
  const macros: MacroFile[] = [];
  const properties: Properties = { sources: [], models: [], seeds: [], snapshots: [] };
  const readPropertiesUnder = (base: string): void => {
    for (const file of filesUnder(base, [".yml", ".yaml"])) {
      const found = readProperties(path.relative(root, file), yamlOf(file));
      properties.sources.push(...found.sources);
      properties.models.push(...found.models);
      properties.seeds.push(...found.seeds);
      properties.snapshots.push(...found.snapshots);
    }
  };
  const sqlFiles = (key: string, each: (located: Located, sql: string) => void): void => {
    for (const folder of pathsOf(projectFile, project, key)) {
      const base = path.join(root, folder);
      for (const file of filesUnder(base, [".sql"]))
        each(locate(root, base, file), readFileSync(file, "utf8"));
      readPropertiesUnder(base);
    }
  };
  sqlFiles("model-paths", (at, sql) =>
    models.push({ name: path.basename(at.full, ".sql"), ...at, sql }),
  );
  sqlFiles("snapshot-paths", (at, sql) => snapshots.push(...snapshotsIn(at, sql)));
  sqlFiles("test-paths", (at, sql) =>
    tests.push({ name: path.basename(at.full, ".sql"), ...at, sql }),
  );
  sqlFiles("macro-paths", (at, sql) => macros.push(macroFileOf(at, sql)));
  for (const folder of pathsOf(projectFile, project, "seed-paths")) {
    const base = path.join(root, folder);
    for (const file of filesUnder(base, [".csv"])) seeds.push(seedOf(locate(root, base, file)));
    readPropertiesUnder(base);
  }
  ensureUnique("models", models);
  ensureUnique("snapshots", snapshots);
  ensureUnique("seeds", seeds);
  const clash = [...models, ...seeds, ...snapshots];
  ensureUnique("resources (models, seeds and snapshots share one namespace)", clash);
  const ownConfigs = (key: string): Record<string, unknown> => {
    const all = isObject(project[key]) ? project[key] : {};
    const own = all[name];
    return isObject(own) ? own : {};
  };
  return {
    name,
    root,
    vars: isObject(project.vars) ? project.vars : {},
    modelConfigs: ownConfigs("models"),
    seedConfigs: ownConfigs("seeds"),
    snapshotConfigs: ownConfigs("snapshots"),
    models,
    seeds,
    snapshots,
    tests,
    macros,
    sources: properties.sources,
    properties: {
      models: properties.models,
      seeds: properties.seeds,
      snapshots: properties.snapshots,
    },
  };
}

/** The properties entry of resource `name`, if a YAML file describes it. */
export function propertiesOf(
  entries: readonly ResourceProperties[],
  name: string,
): ResourceProperties | undefined {
  return entries.find((entry) => entry.name === name);
}
