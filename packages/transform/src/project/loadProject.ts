// Reads a dbt-style project folder: dbt_project.yml (name, model-paths, vars, the per-folder
// `models:` configs), every models/**/*.sql, and the sources declared in the YAML files beside
// them. Nothing is compiled here.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { TransformError } from "../transformError";

/** One model file. */
export interface ModelFile {
  /** The file name without .sql: what ref() names. */
  readonly name: string;
  /** Relative to the project root, with forward slashes (dbt's original_file_path). */
  readonly path: string;
  /** Folders from the model path down to the file (for folder configs and dbt's fqn). */
  readonly folders: readonly string[];
  readonly sql: string;
}

/** One source table (`sources:` in a schema file). */
export interface SourceTable {
  readonly source: string;
  readonly table: string;
  readonly database: string | null;
  readonly schema: string;
  /** The table's name in the warehouse (`identifier`, else its name). */
  readonly identifier: string;
}

/** A loaded project. */
export interface Project {
  readonly name: string;
  readonly root: string;
  readonly vars: Readonly<Record<string, unknown>>;
  /** dbt_project.yml's `models:` block for this project (keys `+materialized`, folder names…). */
  readonly modelConfigs: Readonly<Record<string, unknown>>;
  readonly models: readonly ModelFile[];
  readonly sources: readonly SourceTable[];
}

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

function filesUnder(dir: string, extension: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return filesUnder(full, extension);
    return entry.endsWith(extension) ? [full] : [];
  });
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function sourcesOf(file: string, document: unknown): SourceTable[] {
  if (!isObject(document) || document.sources === undefined) return [];
  const list = document.sources;
  if (!Array.isArray(list)) return invalid(`${file}: sources: expected a list`);
  return list.flatMap((source: unknown, i: number): SourceTable[] => {
    if (!isObject(source) || typeof source.name !== "string")
      return invalid(`${file}: sources[${i}].name: expected a source name`);
    const name = source.name;
    const tables: unknown[] = Array.isArray(source.tables) ? source.tables : [];
    return tables.map((table, j): SourceTable => {
      if (!isObject(table) || typeof table.name !== "string")
        return invalid(`${file}: sources[${i}].tables[${j}].name: expected a table name`);
      return {
        source: name,
        table: table.name,
        database: typeof source.database === "string" ? source.database : null,
        schema: typeof source.schema === "string" ? source.schema : name,
        identifier: typeof table.identifier === "string" ? table.identifier : table.name,
      };
    });
  });
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
  const modelPaths: unknown = project["model-paths"] ?? ["models"];
  if (!Array.isArray(modelPaths) || modelPaths.some((p) => typeof p !== "string"))
    return invalid(`${projectFile}: model-paths: expected a list of folders`);
  const models: ModelFile[] = [];
  const sources: SourceTable[] = [];
  for (const modelPath of modelPaths as string[]) {
    const base = path.join(root, modelPath);
    for (const file of filesUnder(base, ".sql")) {
      const relative = path.relative(base, file).split(path.sep);
      models.push({
        name: path.basename(file, ".sql"),
        path: path.relative(root, file).split(path.sep).join("/"),
        folders: relative.slice(0, -1),
        sql: readFileSync(file, "utf8"),
      });
    }
    for (const file of [...filesUnder(base, ".yml"), ...filesUnder(base, ".yaml")])
      sources.push(...sourcesOf(path.relative(root, file), yamlOf(file)));
  }
  const seen = new Map<string, string>();
  for (const model of models) {
    const other = seen.get(model.name);
    if (other !== undefined)
      invalid(`two models are named "${model.name}": ${other} and ${model.path}`);
    seen.set(model.name, model.path);
  }
  const allConfigs = isObject(project.models) ? project.models : {};
  const own = allConfigs[name];
  return {
    name,
    root,
    vars: isObject(project.vars) ? project.vars : {},
    modelConfigs: isObject(own) ? own : {},
    models,
    sources,
  };
}
