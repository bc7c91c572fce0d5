// Snowflake as a sync target, the bulk way: the extract is one gzip CSV part, PUT to an internal
// stage, COPY INTO a temporary staging table, then MERGE into the target and the watermark
// update in one transaction (DDL commits implicitly in Snowflake, so the staging table is made
// before the transaction opens). Names are upper-cased and quoted, so they match the unquoted
// references of the warehouse's SQL (the dbt project) while staying safe.
import path from "node:path";
import type { SourceColumn } from "../postgres/sourceColumns";
import type { SnowflakeHook } from "../snowflake/snowflakeHook";
import { quoteIdentifier } from "../sql/quoteIdentifier";
import { type MergeDialect, mergeSql } from "./mergeSql";
import type { LoadInput, SyncWarehouse } from "./syncWarehouse";
import type { CompiledTableSyncSpec } from "./tableSyncSpec";
import type { Watermark } from "./watermark";

const upper = (name: string): string => quoteIdentifier(name.toUpperCase());
const SNOWFLAKE_MERGE: MergeDialect = {
  column: upper,
  differs: (a, b) => `not equal_null(${a}, ${b})`,
};

/** Snowflake's type for a Postgres column (the seeds' staging DDL: TIMESTAMP_LTZ, DECIMAL). */
export function snowflakeType(column: SourceColumn): string {
  switch (column.dataType) {
    case "integer":
    case "smallint":
    case "bigint":
      return "INTEGER";
    case "numeric":
      return column.numericPrecision === null
        ? "NUMBER(38,10)"
        : `NUMBER(${column.numericPrecision},${column.numericScale ?? 0})`;
    case "real":
    case "double precision":
      return "FLOAT";
    case "boolean":
      return "BOOLEAN";
    case "date":
      return "DATE";
    case "timestamp with time zone":
      return "TIMESTAMP_LTZ";
    case "timestamp without time zone":
      return "TIMESTAMP_NTZ";
    case "json":
    case "jsonb":
      return "VARIANT";
    default:
      return column.characterMaximumLength === null
        ? "VARCHAR"
        : `VARCHAR(${column.characterMaximumLength})`;
  }
}

/** Loads table syncs into a Snowflake schema (the seeds': NOVADRIVE.STAGE). */
export class SnowflakeWarehouse implements SyncWarehouse {
  readonly gzip = true;
  readonly #db: SnowflakeHook;
  readonly #schema: string;

  constructor(db: SnowflakeHook, options: { schema?: string } = {}) {
    this.#db = db;
    this.#schema = options.schema ?? "STAGE";
  }

  #name(table: string): string {
    return `${upper(this.#schema)}.${upper(table)}`;
  }

  async #ensureState(): Promise<void> {
    await this.#db.execute(`create schema if not exists ${upper(this.#schema)}`);
    await this.#db.execute(
      `create table if not exists ${this.#name("_updraft_sync_state")} (TABLE_NAME VARCHAR,
         STRATEGY VARCHAR, CURSOR_WATERMARK VARCHAR, MAX_ID INTEGER, SYNCED_AT TIMESTAMP_LTZ)`,
    );
    await this.#db.execute(`create stage if not exists ${this.#name("_updraft_sync")}`);
  }

  async readWatermark(spec: CompiledTableSyncSpec): Promise<Watermark> {
    await this.#ensureState();
    if (spec.strategy === "append_by_id") {
      const found = await this.#db.execute<{ N: number }>(
        `select count(*) as N from information_schema.tables
         where upper(table_schema) = ? and upper(table_name) = ?`,
        [this.#schema.toUpperCase(), spec.table.toUpperCase()],
      );
      if (Number(found[0]?.N ?? 0) === 0) return { cursor: null, maxId: null };
      const [row] = await this.#db.execute<{ MAX_ID: number | null }>(
        `select max(${upper(spec.primaryKey)}) as MAX_ID from ${this.#name(spec.table)}`,
      );
      return { cursor: null, maxId: row?.MAX_ID == null ? null : Number(row.MAX_ID) };
    }
    const [row] = await this.#db.execute<{ CURSOR_WATERMARK: string | null }>(
      `select CURSOR_WATERMARK from ${this.#name("_updraft_sync_state")} where TABLE_NAME = ?`,
      [spec.table],
    );
    return { cursor: row?.CURSOR_WATERMARK ?? null, maxId: null };
  }

  async prepare(spec: CompiledTableSyncSpec, columns: readonly SourceColumn[]): Promise<void> {
    await this.#ensureState();
    const list = columns.map((c) => `${upper(c.name)} ${snowflakeType(c)}`).join(", ");
    await this.#db.execute(`create table if not exists ${this.#name(spec.table)} (${list})`);
  }

  async load(input: LoadInput): Promise<number> {
    const { spec, columns, file, next } = input;
    if (!/^[\w./-]+$/.test(file)) throw new TypeError(`unsafe extract path: ${file}`);
    const staging = this.#name(`_updraft_batch_${spec.table}`);
    const prefix = `${spec.table}/${path.basename(path.dirname(file))}`;
    await this.#db.execute(
      `put file://${file} @${this.#name("_updraft_sync")}/${prefix} auto_compress=false overwrite=true`,
    );
    await this.#db.execute(
      `create or replace temporary table ${staging} as select * from ${this.#name(spec.table)} where 1 = 0`,
    );
    // Postgres CSV: NULL is an empty unquoted field, an empty string is "" (kept as '').
    await this.#db.execute(
      `copy into ${staging} from @${this.#name("_updraft_sync")}/${prefix}
       file_format = (type = csv field_optionally_enclosed_by = '"' empty_field_as_null = true
         null_if = () compression = gzip)
       on_error = abort_statement purge = true`,
    );
    await this.#db.execute("begin");
    try {
      const [merged] = await this.#db.execute<Record<string, number>>(
        mergeSql({
          spec,
          columns: columns.map((c) => c.name),
          target: this.#name(spec.table),
          batch: staging,
          dialect: SNOWFLAKE_MERGE,
        }),
      );
      await this.#db.execute(
        `merge into ${this.#name("_updraft_sync_state")} t
         using (select ? as TABLE_NAME, ? as STRATEGY, ? as CURSOR_WATERMARK, ? as MAX_ID) s
         on t.TABLE_NAME = s.TABLE_NAME
         when matched then update set STRATEGY = s.STRATEGY,
           CURSOR_WATERMARK = s.CURSOR_WATERMARK, MAX_ID = s.MAX_ID,
           SYNCED_AT = current_timestamp()
         when not matched then insert (TABLE_NAME, STRATEGY, CURSOR_WATERMARK, MAX_ID, SYNCED_AT)
           values (s.TABLE_NAME, s.STRATEGY, s.CURSOR_WATERMARK, s.MAX_ID, current_timestamp())`,
        [spec.table, spec.strategy, next.cursor, next.maxId],
      );
      await this.#db.execute("commit");
      // Snowflake names the MERGE's counts "number of rows inserted" / "… updated".
      return Object.values(merged ?? {}).reduce((sum, n) => sum + Number(n), 0);
    } catch (error) {
      await this.#db.execute("rollback").catch(() => undefined);
      throw error;
    } finally {
      await this.#db.execute(`drop table if exists ${staging}`).catch(() => undefined);
    }
  }
}
