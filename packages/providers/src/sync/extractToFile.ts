// The extract step of a table sync: in one REPEATABLE READ snapshot of the source, work out what
// the next watermark may be, then stream the rows since the current one with COPY … TO STDOUT
// (CSV) into a file — bounded memory whatever the table's size.
//
// Exactness for upsert_by_cursor: a row's cursor is its transaction's start time (the source's
// trigger sets data_atualizacao = now()), so a transaction not yet committed can only commit rows
// with a cursor at or after its own start. Before the snapshot is taken, the start of the oldest
// transaction in flight is read (or, when none is, the current time): every transaction the
// snapshot cannot see started at or after that bound. The new watermark is the earlier of the
// newest cursor read and the bound, so the next sync reads again from there (the MERGE makes the
// overlap harmless) and nothing committed late ever falls behind the watermark. Reading the
// bound inside the snapshot would miss a transaction committing in between. Where the sync's
// user may not see other sessions (pg_stat_activity hides them without pg_read_all_stats), there
// is no bound and the lookback is the only margin. The lookback also covers sources whose
// cursor is set by the application's clock.
import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { createGzip } from "node:zlib";
import { ProviderError } from "../providerError";
import type { PostgresHook } from "../postgres/postgresHook";
import { type SourceColumn, sourceColumns } from "../postgres/sourceColumns";
import { qualifiedName, quoteIdentifier } from "../sql/quoteIdentifier";
import type { CompiledTableSyncSpec } from "./tableSyncSpec";
import { checkedWatermark, earlier, PG_WATERMARK_FORMAT, type Watermark } from "./watermark";

/** What extractToFile wrote. */
export interface Extracted {
  readonly columns: readonly SourceColumn[];
  readonly rows: number;
  /** The watermark to commit with these rows (unchanged when nothing may advance it). */
  readonly next: Watermark;
}

/** Input of extractToFile. */
export interface ExtractInput {
  readonly schema: string;
  readonly spec: CompiledTableSyncSpec;
  readonly from: Watermark;
  /** The CSV file to write (header-less, Postgres CSV: NULL as an empty unquoted field). */
  readonly file: string;
  /** gzip the file (Snowflake's PUT wants compressed parts). @default false */
  readonly gzip?: boolean;
}

function sinkOf(file: string, gzip: boolean): Writable {
  const out = createWriteStream(file);
  if (!gzip) return out;
  const zip = createGzip();
  zip.pipe(out);
  return zip;
}

/**
 * The start of the oldest transaction in flight, else now; `hidden` when others are invisible.
 * A statement that opens its own transaction shows as active before its xact_start is reported,
 * though its now() (the cursor it writes) is already fixed, at its query_start: such a backend
 * counts from its query_start. Without it, a sync reading the bound in that window moved the
 * watermark past a row committed just after (seen under heavy CPU steal).
 */
async function inFlightBound(source: PostgresHook): Promise<{ at: string; hidden: boolean }> {
  const [row] = await source.query<{ at: string; hidden: boolean | null }>(
    `select to_char(coalesce(min(coalesce(xact_start, query_start)), now()) at time zone 'UTC',
         '${PG_WATERMARK_FORMAT}') as at,
       bool_or(state is null) as hidden
     from pg_stat_activity
     where datname = current_database() and pid <> pg_backend_pid()
       and (state is null or (state <> 'idle' and coalesce(xact_start, query_start) is not null))`,
  );
  return { at: String(row?.at), hidden: row?.hidden === true };
}

/** Streams the rows since `from` into `file`; returns the columns, count and next watermark. */
export async function extractToFile(source: PostgresHook, input: ExtractInput): Promise<Extracted> {
  const { schema, spec, from } = input;
  const bound = spec.strategy === "upsert_by_cursor" ? await inFlightBound(source) : null;
  return source.snapshot(async (session) => {
    const columns = await sourceColumns(session, schema, spec.table);
    const names = new Set(columns.map((c) => c.name));
    const wanted =
      spec.strategy === "upsert_by_cursor"
        ? [spec.primaryKey, spec.cursorColumn]
        : [spec.primaryKey];
    for (const column of wanted)
      if (!names.has(column))
        throw new ProviderError(
          "SOURCE_MISMATCH",
          `source table ${schema}.${spec.table}: no column ${JSON.stringify(column)}`,
        );
    const table = qualifiedName(schema, spec.table);
    const pk = quoteIdentifier(spec.primaryKey);
    const list = columns.map((c) => quoteIdentifier(c.name)).join(", ");
    let where: string;
    let next: Watermark;
    let rows: number;
    if (spec.strategy === "upsert_by_cursor") {
      const cursor = quoteIdentifier(spec.cursorColumn);
      where =
        from.cursor === null
          ? "true"
          : `${cursor} >= '${checkedWatermark(from.cursor)}'::timestamptz - interval '${spec.lookbackSeconds} seconds'`;
      const [stats] = await session.query<{ n: string; newest: string | null }>(
        `select count(*) as n,
           to_char(max(${cursor}) at time zone 'UTC', '${PG_WATERMARK_FORMAT}') as newest
         from ${table} where ${where}`,
      );
      rows = Number(stats?.n ?? 0);
      const newest = stats?.newest ?? null;
      // Never move back behind the current watermark; never past a transaction still in flight.
      const candidate = bound === null || bound.hidden ? newest : earlier(newest, bound.at);
      next = {
        cursor:
          candidate === null || (from.cursor !== null && candidate < from.cursor)
            ? from.cursor
            : candidate,
        maxId: null,
      };
    } else {
      const after = from.maxId ?? 0;
      if (!Number.isSafeInteger(after)) throw new TypeError(`not an id watermark: ${after}`);
      where = `${pk} > ${after}`;
      const [stats] = await session.query<{ n: string; max_id: string | null }>(
        `select count(*) as n, max(${pk})::text as max_id from ${table} where ${where}`,
      );
      rows = Number(stats?.n ?? 0);
      next = { cursor: null, maxId: stats?.max_id == null ? after : Number(stats.max_id) };
    }
    await session.copyOut(
      `copy (select ${list} from ${table} where ${where} order by ${pk}) to stdout (format csv)`,
      sinkOf(input.file, input.gzip ?? false),
    );
    return { columns, rows, next };
  });
}
