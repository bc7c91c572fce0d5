// What a table sync needs of a warehouse (DuckDB, Snowflake, Postgres): where its watermark
// stands, a target table shaped like the source, and one transaction that loads the extracted
// file, merges it into the target and records the new watermark — so a crash mid-load leaves
// both as they were, and re-running a sync changes nothing.
import type { SourceColumn } from "../postgres/sourceColumns";
import type { CompiledTableSyncSpec } from "./tableSyncSpec";
import type { Watermark } from "./watermark";

/** Input of SyncWarehouse.load. */
export interface LoadInput {
  readonly spec: CompiledTableSyncSpec;
  readonly columns: readonly SourceColumn[];
  /** The extracted CSV (gzip when the warehouse asked for it). */
  readonly file: string;
  readonly next: Watermark;
}

/** A warehouse a table sync loads into. */
export interface SyncWarehouse {
  /** Whether extract files should be gzip (Snowflake's PUT wants compressed parts). */
  readonly gzip: boolean;
  /** Where the table's sync stands; nulls on the first sync. */
  readWatermark(spec: CompiledTableSyncSpec): Promise<Watermark>;
  /** Creates the target schema and table (like the source) when missing. */
  prepare(spec: CompiledTableSyncSpec, columns: readonly SourceColumn[]): Promise<void>;
  /** Loads, merges and records the watermark in one transaction; returns rows merged. */
  load(input: LoadInput): Promise<number>;
}
