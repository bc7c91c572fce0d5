// What to sync for one table, and how (the incremental strategies of the Postgres → warehouse
// load). Checked once, with a message naming the field.
import { ProviderError } from "../providerError";

/**
 * `upsert_by_cursor` (the default): rows whose cursor (`data_atualizacao`) moved since the last
 * sync, merged on the primary key — catches updates and rows committed late. `append_by_id`: the
 * seed DAG's watermark, rows whose id is above the warehouse's max id — kept for compatibility;
 * it never sees updates, and a row whose transaction commits after a higher id was read is
 * skipped for good.
 */
export type SyncStrategy = "upsert_by_cursor" | "append_by_id";

/** One table to sync. */
export interface TableSyncSpec {
  readonly table: string;
  /** @default `id_<table>` (the source's naming rule) */
  readonly primaryKey?: string;
  /** @default "upsert_by_cursor" */
  readonly strategy?: SyncStrategy;
  /** upsert_by_cursor's cursor. @default "data_atualizacao" */
  readonly cursorColumn?: string;
  /**
   * How far before the watermark each sync reads again, for rows whose cursor is older than the
   * transaction that committed them (a clock set by the application, not the database). @default 300
   */
  readonly lookbackSeconds?: number;
}

/** A spec with its defaults. */
export interface CompiledTableSyncSpec {
  readonly table: string;
  readonly primaryKey: string;
  readonly strategy: SyncStrategy;
  readonly cursorColumn: string;
  readonly lookbackSeconds: number;
}

const STRATEGIES: readonly SyncStrategy[] = ["upsert_by_cursor", "append_by_id"];

function name(field: string, value: unknown): string {
  if (typeof value !== "string" || value.trim() === "" || value.length > 63)
    throw new ProviderError(
      "INVALID_SYNC_SPEC",
      `${field}: expected a table or column name (1–63 characters), got ${JSON.stringify(value)}`,
    );
  return value;
}

/** Applies the defaults; throws ProviderError INVALID_SYNC_SPEC naming the bad field. */
export function compileTableSyncSpec(spec: TableSyncSpec): CompiledTableSyncSpec {
  const table = name("table", spec.table);
  const strategy = spec.strategy ?? "upsert_by_cursor";
  if (!STRATEGIES.includes(strategy))
    throw new ProviderError(
      "INVALID_SYNC_SPEC",
      `${table}.strategy: expected ${STRATEGIES.join(" or ")}, got ${JSON.stringify(strategy)}`,
    );
  const lookbackSeconds = spec.lookbackSeconds ?? 300;
  if (!Number.isInteger(lookbackSeconds) || lookbackSeconds < 0)
    throw new ProviderError(
      "INVALID_SYNC_SPEC",
      `${table}.lookbackSeconds: expected a whole number of seconds >= 0, got ${JSON.stringify(lookbackSeconds)}`,
    );
  return {
    table,
    primaryKey: name(`${table}.primaryKey`, spec.primaryKey ?? `id_${table}`),
    strategy,
    cursorColumn: name(`${table}.cursorColumn`, spec.cursorColumn ?? "data_atualizacao"),
    lookbackSeconds,
  };
}
