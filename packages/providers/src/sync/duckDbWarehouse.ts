// DuckDB as a sync target: the target table mirrors the source's columns; a load reads the CSV
// with DuckDB's native reader into a temporary table, merges it on the primary key (newest
// cursor wins, see mergeSql) and upserts the watermark in `_updraft_sync_state`, all in one transaction.
import type { DuckDbHook, DuckDbSession } from "../duckdb/duckDbHook";
import type { SourceColumn } from "../postgres/sourceColumns";
import { qualifiedName, quoteIdentifier } from "../sql/quoteIdentifier";
import { mergeSql, STANDARD_MERGE } from "./mergeSql";
import type { LoadInput, SyncWarehouse } from "./syncWarehouse";
import type { CompiledTableSyncSpec } from "./tableSyncSpec";
import type { Watermark } from "./watermark";

/** The table holding each synced table's watermark, in the target schema. */
export const SYNC_STATE_TABLE = "_updraft_sync_state";

/** Tries of the state table's creation that lose a catalog race before giving up. */
const CATALOG_RETRIES = 6;

// By message, not `instanceof Error`: the native binding's errors may come from another realm.
const isCatalogConflict = (error: unknown): boolean =>
  /write-write conflict/i.test(String((error as { message?: unknown } | null)?.message ?? error));

/** DuckDB's type for a Postgres column. */
export function duckDbType(column: SourceColumn): string {
  switch (column.dataType) {
    case "integer":
      return "INTEGER";
    case "bigint":
      return "BIGINT";
    case "smallint":
      return "SMALLINT";
    case "numeric":
      return column.numericPrecision === null
        ? "DECIMAL(38,10)"
        : `DECIMAL(${column.numericPrecision},${column.numericScale ?? 0})`;
    case "real":
      return "FLOAT";
    case "double precision":
      return "DOUBLE";
    case "boolean":
      return "BOOLEAN";
    case "date":
      return "DATE";
    case "timestamp with time zone":
      return "TIMESTAMPTZ";
    case "timestamp without time zone":
      return "TIMESTAMP";
    case "json":
    case "jsonb":
      return "JSON";
    case "uuid":
      return "UUID";
    default:
      return "VARCHAR";
  }
}

/** A DuckDB string literal (for read_csv's arguments, which take no bound parameters). */
function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Loads table syncs into `schema` of a DuckDB database. */
export class DuckDbWarehouse implements SyncWarehouse {
  readonly gzip = false;
  readonly #db: DuckDbHook;
  readonly #schema: string;

  constructor(db: DuckDbHook, options: { schema?: string } = {}) {
    this.#db = db;
    this.#schema = options.schema ?? "stage";
  }

  #state(): string {
    return qualifiedName(this.#schema, SYNC_STATE_TABLE);
  }

  // Syncs of several tables start together on a new file (the load DAG's reference tables).
  // DuckDB's catalog is optimistic: of concurrent `create … if not exists`, one commits and the
  // others fail with a write-write conflict. So: ask first, and after a conflict ask again.
  async #ensureState(session: DuckDbSession): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        // Inside the try: the statement after a lost race can report the conflict again.
        if (await this.#stateExists(session)) return;
        await session.run(`create schema if not exists ${quoteIdentifier(this.#schema)}`);
        // The cursor watermark is kept as text: exact to the microsecond, in one format.
        await session.run(
          `create table if not exists ${this.#state()} (table_name varchar primary key,
             strategy varchar not null, cursor_watermark varchar, max_id bigint,
             synced_at timestamptz not null)`,
        );
        return;
      } catch (error) {
        if (!isCatalogConflict(error) || attempt >= CATALOG_RETRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5 * 2 ** attempt));
      }
    }
  }

  async #stateExists(session: DuckDbSession): Promise<boolean> {
    const rows = await session.all<{ n: bigint }>(
      `select count(*) as n from information_schema.tables where table_schema = $1 and table_name = $2`,
      [this.#schema, SYNC_STATE_TABLE],
    );
    return Number(rows[0]?.n ?? 0) > 0;
  }

  async readWatermark(spec: CompiledTableSyncSpec): Promise<Watermark> {
    await this.#ensureState(this.#db);
    if (spec.strategy === "append_by_id") {
      // The seed DAG's watermark: the highest id already in the target table.
      const exists = await this.#db.all<{ n: bigint }>(
        `select count(*) as n from information_schema.tables where table_schema = $1 and table_name = $2`,
        [this.#schema, spec.table],
      );
      if (Number(exists[0]?.n ?? 0) === 0) return { cursor: null, maxId: null };
      const [row] = await this.#db.all<{ max_id: bigint | null }>(
        `select max(${quoteIdentifier(spec.primaryKey)}) as max_id from ${qualifiedName(this.#schema, spec.table)}`,
      );
      return { cursor: null, maxId: row?.max_id == null ? null : Number(row.max_id) };
    }
    const [row] = await this.#db.all<{ cursor_watermark: string | null }>(
      `select cursor_watermark from ${this.#state()} where table_name = $1`,
      [spec.table],
    );
    return { cursor: row?.cursor_watermark ?? null, maxId: null };
  }

  async prepare(spec: CompiledTableSyncSpec, columns: readonly SourceColumn[]): Promise<void> {
    await this.#ensureState(this.#db);
    const list = columns.map((c) => `${quoteIdentifier(c.name)} ${duckDbType(c)}`).join(", ");
    await this.#db.run(
      `create table if not exists ${qualifiedName(this.#schema, spec.table)} (${list})`,
    );
  }

  async load(input: LoadInput): Promise<number> {
    const { spec, columns, file, next } = input;
    const target = qualifiedName(this.#schema, spec.table);
    const types = columns.map((c) => `${literal(c.name)}: ${literal(duckDbType(c))}`).join(", ");
    // Postgres CSV: NULL is an empty unquoted field, an empty string is "" (kept as '').
    const read = `read_csv(${literal(file)}, header = false, delim = ',', quote = '"', escape = '"',
      nullstr = '', allow_quoted_nulls = false, auto_detect = false, columns = {${types}})`;
    return this.#db.transaction(async (tx) => {
      const [merged] = await tx.all<{ Count: bigint }>(
        mergeSql({
          spec,
          columns: columns.map((c) => c.name),
          target,
          batch: read,
          dialect: STANDARD_MERGE,
        }),
      );
      await tx.run(
        `insert into ${this.#state()} (table_name, strategy, cursor_watermark, max_id, synced_at)
         values ($1, $2, $3, $4, now())
         on conflict (table_name) do update set strategy = excluded.strategy,
           cursor_watermark = excluded.cursor_watermark, max_id = excluded.max_id,
           synced_at = excluded.synced_at`,
        [spec.table, spec.strategy, next.cursor, next.maxId],
      );
      return Number(merged?.Count ?? 0);
    });
  }
}
