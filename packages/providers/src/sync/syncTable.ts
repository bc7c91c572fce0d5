// One incremental sync of one table, Postgres → warehouse: read the warehouse's watermark,
// extract what changed since (one source snapshot, streamed to a temporary file), then load,
// merge and record the new watermark in one warehouse transaction.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PostgresHook } from "../postgres/postgresHook";
import { extractToFile } from "./extractToFile";
import type { SyncWarehouse } from "./syncWarehouse";
import { compileTableSyncSpec, type SyncStrategy, type TableSyncSpec } from "./tableSyncSpec";
import type { Watermark } from "./watermark";

/** Input of syncTable. */
export interface SyncTableInput {
  readonly source: PostgresHook;
  /** @default "public" */
  readonly sourceSchema?: string;
  readonly warehouse: SyncWarehouse;
  readonly spec: TableSyncSpec;
  /** Where the extract file goes (removed after the load). @default os.tmpdir() */
  readonly workDir?: string;
}

/** What one sync did. */
export interface SyncTableResult {
  readonly table: string;
  readonly strategy: SyncStrategy;
  readonly from: Watermark;
  readonly to: Watermark;
  /** Rows read from the source (the window since the watermark, lookback included). */
  readonly extracted: number;
  /** Rows inserted or updated in the target. */
  readonly merged: number;
}

/** Runs one sync; see the module comment. Safe to re-run: the merge is idempotent. */
export async function syncTable(input: SyncTableInput): Promise<SyncTableResult> {
  const spec = compileTableSyncSpec(input.spec);
  const { warehouse } = input;
  const from = await warehouse.readWatermark(spec);
  const dir = await mkdtemp(path.join(input.workDir ?? tmpdir(), `updraft-sync-${spec.table}-`));
  try {
    const file = path.join(dir, `${spec.table}.csv${warehouse.gzip ? ".gz" : ""}`);
    const extracted = await extractToFile(input.source, {
      schema: input.sourceSchema ?? "public",
      spec,
      from,
      file,
      gzip: warehouse.gzip,
    });
    await warehouse.prepare(spec, extracted.columns);
    const unchanged =
      extracted.rows === 0 &&
      extracted.next.cursor === from.cursor &&
      extracted.next.maxId === from.maxId;
    const merged = unchanged
      ? 0
      : await warehouse.load({ spec, columns: extracted.columns, file, next: extracted.next });
    return {
      table: spec.table,
      strategy: spec.strategy,
      from,
      to: unchanged ? from : extracted.next,
      extracted: extracted.rows,
      merged,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
