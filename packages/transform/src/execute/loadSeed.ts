// dbt seed: a CSV file becomes a table, replaced whole on every run. Column types come from
// config column_types, else are inferred from the values (integer, number, boolean, date,
// timestamp, text); empty fields are NULL; values are bound, never spliced into SQL.
import type { WarehouseType } from "../adapters/dialect";
import type { BindValue, Warehouse } from "../adapters/warehouse";
import type { SeedNode } from "../graph/nodes";
import { relationOf } from "../graph/relations";

/** The inferred kinds, in order of preference. */
type Kind = "integer" | "number" | "boolean" | "date" | "timestamp" | "text";

const TESTS: readonly [Kind, RegExp][] = [
  ["integer", /^-?\d{1,18}$/],
  ["number", /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/],
  ["boolean", /^(true|false)$/i],
  ["date", /^\d{4}-\d{2}-\d{2}$/],
  ["timestamp", /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/],
];

const TYPES: Readonly<Record<WarehouseType, Readonly<Record<Kind, string>>>> = {
  duckdb: {
    integer: "integer",
    number: "double",
    boolean: "boolean",
    date: "date",
    timestamp: "timestamp",
    text: "varchar",
  },
  postgres: {
    integer: "integer",
    number: "numeric",
    boolean: "boolean",
    date: "date",
    timestamp: "timestamp",
    text: "text",
  },
  snowflake: {
    integer: "integer",
    number: "float",
    boolean: "boolean",
    date: "date",
    timestamp: "timestamp_ntz",
    text: "varchar",
  },
};

/** The kind every non-empty value of a column fits. */
export function inferKind(values: readonly string[]): Kind {
  const present = values.filter((v) => v !== "");
  if (present.length === 0) return "text";
  for (const [kind, pattern] of TESTS) {
    if (kind === "integer" && present.some((v) => Math.abs(Number(v)) > 2_147_483_647)) continue;
    if (present.every((v) => pattern.test(v))) return kind;
  }
  return "text";
}

function bind(value: string, kind: Kind): BindValue {
  if (value === "") return null;
  if (kind === "integer" || kind === "number") return Number(value);
  if (kind === "boolean") return value.toLowerCase() === "true";
  return value;
}

const ROWS_PER_INSERT = 500;

/** Replaces the seed's table with the CSV's rows; returns the row count. */
export async function loadSeed(warehouse: Warehouse, node: SeedNode): Promise<number> {
  const { header, rows } = node.seed;
  const relation = relationOf(node, warehouse.target);
  const kinds = header.map((_, i) => inferKind(rows.map((r) => r[i] ?? "")));
  const types = header.map(
    (column, i) => node.config.columnTypes[column] ?? TYPES[warehouse.type][kinds[i]!],
  );
  // A typed column binds its text: the warehouse converts it on insert.
  const bindKinds = header.map((column, i) =>
    node.config.columnTypes[column] === undefined ? kinds[i]! : "text",
  );
  const q = (name: string) => warehouse.dialect.quote(name);
  const table = warehouse.render(relation);
  const columns = header.map(q).join(", ");
  const create = `create table ${table} (${header.map((c, i) => `${q(c)} ${types[i]}`).join(", ")})`;
  const load = async (): Promise<void> => {
    if (warehouse.type === "postgres")
      await warehouse.execute(`drop table if exists ${table} cascade`);
    else await warehouse.execute(`drop table if exists ${table}`);
    await warehouse.execute(create);
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      const batch = rows.slice(start, start + ROWS_PER_INSERT);
      const values: BindValue[] = [];
      const tuples = batch.map((row) => {
        const placeholders = header.map((_, i) => {
          values.push(bind(row[i] ?? "", bindKinds[i]!));
          return warehouse.dialect.placeholder(values.length);
        });
        return `(${placeholders.join(", ")})`;
      });
      await warehouse.execute(
        `insert into ${table} (${columns}) values ${tuples.join(", ")}`,
        values,
      );
    }
  };
  await warehouse.ensureSchema(relation);
  if (warehouse.dialect.transactionalDdl) await warehouse.transaction(load);
  else await load();
  return rows.length;
}
