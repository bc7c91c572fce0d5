// What the YAML files beside the models say (dbt's "properties" files): sources with their
// tables, models/seeds/snapshots with descriptions, config and columns, and the data tests
// declared on each of them. Shapes are checked here so a typo names its file and field.
import { TransformError } from "../transformError";

/** A data test as written in a properties file, before it becomes a node. */
export interface TestSpec {
  /** The generic test's name (`unique`, `accepted_values`, a project macro's `test_<name>`). */
  readonly testName: string;
  /** The test's arguments, e.g. `{ values: [...] }` or `{ to: "ref('x')", field: "id" }`. */
  readonly kwargs: Readonly<Record<string, unknown>>;
  /** `config:` of the test (severity, where, warn_if, error_if, tags…). */
  readonly config: Readonly<Record<string, unknown>>;
  /** An explicit `name:` for the test node, when given. */
  readonly name: string | null;
  /** The column the test is declared under, if any. */
  readonly columnName: string | null;
  /** Where it was declared, for error messages. */
  readonly file: string;
}

/** A column of a model, seed, snapshot or source table. */
export interface ColumnSpec {
  readonly name: string;
  readonly description: string;
  readonly dataType: string | null;
}

/** A model, seed or snapshot's entry in a properties file. */
export interface ResourceProperties {
  readonly name: string;
  readonly description: string;
  readonly config: Readonly<Record<string, unknown>>;
  readonly columns: readonly ColumnSpec[];
  readonly tests: readonly TestSpec[];
  readonly file: string;
}

/** One source table (`sources:` in a properties file). */
export interface SourceTable {
  readonly source: string;
  readonly table: string;
  readonly database: string | null;
  readonly schema: string;
  /** The table's name in the warehouse (`identifier`, else its name). */
  readonly identifier: string;
  readonly description: string;
  readonly columns: readonly ColumnSpec[];
  readonly tests: readonly TestSpec[];
  readonly file: string;
}

/** Everything the properties files of a project declare. */
export interface Properties {
  readonly sources: SourceTable[];
  readonly models: ResourceProperties[];
  readonly seeds: ResourceProperties[];
  readonly snapshots: ResourceProperties[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function invalid(message: string): never {
  throw new TransformError("INVALID_PROJECT", message);
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");

function listAt(file: string, where: string, value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return invalid(`${file}: ${where}: expected a list`);
  return value;
}

/** One entry of `tests:`/`data_tests:` — a name, or `{ name: { args…, config } }`. */
function testSpecOf(
  file: string,
  where: string,
  entry: unknown,
  columnName: string | null,
): TestSpec {
  if (typeof entry === "string")
    return { testName: entry, kwargs: {}, config: {}, name: null, columnName, file };
  if (!isObject(entry) || Object.keys(entry).length === 0)
    return invalid(`${file}: ${where}: expected a test name or { test_name: { arguments } }`);
  // The long form: { test_name: accepted_values, name: my_name, values: [...] }.
  const keys = Object.keys(entry);
  const testKey = typeof entry.test_name === "string" ? entry.test_name : keys[0]!;
  const body: unknown = typeof entry.test_name === "string" ? entry : entry[testKey];
  if (body !== null && body !== undefined && !isObject(body))
    return invalid(`${file}: ${where}.${testKey}: expected the test's arguments as a mapping`);
  const raw = isObject(body) ? { ...body } : {};
  delete raw.test_name;
  const config = isObject(raw.config) ? { ...raw.config } : {};
  // Config keys written beside the arguments (dbt accepts both places).
  for (const key of ["severity", "where", "warn_if", "error_if", "tags", "limit", "enabled"])
    if (key in raw) {
      config[key] = raw[key];
      delete raw[key];
    }
  const name = typeof raw.name === "string" ? raw.name : null;
  delete raw.name;
  delete raw.config;
  // dbt 1.10 nests the arguments under `arguments:`.
  const kwargs = isObject(raw.arguments) ? { ...raw.arguments } : raw;
  if (testKey.includes("."))
    return invalid(
      `${file}: ${where}: test "${testKey}" comes from a package; packages are not supported — copy the test into macros/ as a {% test %} block`,
    );
  return { testName: testKey, kwargs, config, name, columnName, file };
}

function testsOf(
  file: string,
  where: string,
  node: Record<string, unknown>,
  columnName: string | null,
): TestSpec[] {
  const entries = [
    ...listAt(file, `${where}.tests`, node.tests),
    ...listAt(file, `${where}.data_tests`, node.data_tests),
  ];
  return entries.map((entry, i) => testSpecOf(file, `${where}.tests[${i}]`, entry, columnName));
}

function columnsOf(
  file: string,
  where: string,
  node: Record<string, unknown>,
): { columns: ColumnSpec[]; tests: TestSpec[] } {
  const columns: ColumnSpec[] = [];
  const tests: TestSpec[] = [];
  listAt(file, `${where}.columns`, node.columns).forEach((column, i) => {
    if (!isObject(column) || typeof column.name !== "string")
      invalid(`${file}: ${where}.columns[${i}].name: expected a column name`);
    columns.push({
      name: column.name,
      description: text(column.description),
      dataType: typeof column.data_type === "string" ? column.data_type : null,
    });
    tests.push(...testsOf(file, `${where}.columns[${i}]`, column, column.name));
  });
  return { columns, tests };
}

function resourcesOf(file: string, key: string, document: unknown): ResourceProperties[] {
  if (!isObject(document)) return [];
  return listAt(file, key, document[key]).map((entry, i) => {
    const where = `${key}[${i}]`;
    if (!isObject(entry) || typeof entry.name !== "string")
      return invalid(`${file}: ${where}.name: expected a name`);
    const { columns, tests } = columnsOf(file, where, entry);
    return {
      name: entry.name,
      description: text(entry.description),
      config: isObject(entry.config) ? entry.config : {},
      columns,
      tests: [...tests, ...testsOf(file, where, entry, null)],
      file,
    };
  });
}

function sourcesOf(file: string, document: unknown): SourceTable[] {
  if (!isObject(document)) return [];
  return listAt(file, "sources", document.sources).flatMap((source, i): SourceTable[] => {
    if (!isObject(source) || typeof source.name !== "string")
      return invalid(`${file}: sources[${i}].name: expected a source name`);
    const name = source.name;
    return listAt(file, `sources[${i}].tables`, source.tables).map((table, j): SourceTable => {
      const where = `sources[${i}].tables[${j}]`;
      if (!isObject(table) || typeof table.name !== "string")
        return invalid(`${file}: ${where}.name: expected a table name`);
      const { columns, tests } = columnsOf(file, where, table);
      return {
        source: name,
        table: table.name,
        database: typeof source.database === "string" ? source.database : null,
        schema: typeof source.schema === "string" ? source.schema : name,
        identifier: typeof table.identifier === "string" ? table.identifier : table.name,
        description: text(table.description),
        columns,
        tests: [...tests, ...testsOf(file, where, table, null)],
        file,
      };
    });
  });
}

/** Everything one properties file declares. */
export function readProperties(file: string, document: unknown): Properties {
  return {
    sources: sourcesOf(file, document),
    models: resourcesOf(file, "models", document),
    seeds: resourcesOf(file, "seeds", document),
    snapshots: resourcesOf(file, "snapshots", document),
  };
}
