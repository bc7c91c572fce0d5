// listImportErrorsPage: one page of DAG import errors for the REST API (GET /importErrors), in
// the order asked for, with the number matching.
//   reads:   `import_error`, filenames matching any of the ILIKE patterns when given
//   locks:   none
//   returns: { importErrors, totalEntries }, in the requested order (id breaking ties)
import { type ImportErrorRow, importErrorFromRow } from "../../../rows/importErrorRow";
import type { SqlClient } from "../../../sqlClient";

/** What an import error list can be ordered by. */
export type ImportErrorOrderKey = "id" | "timestamp" | "filename" | "bundle_name" | "stack_trace";

/** One ordering criterion; nulls sort last in both directions. */
export interface ImportErrorOrder {
  readonly key: ImportErrorOrderKey;
  readonly descending: boolean;
}

const ORDER_COLUMNS: Readonly<Record<ImportErrorOrderKey, string>> = {
  id: "e.id",
  timestamp: "e.timestamp",
  filename: "e.filename",
  bundle_name: "e.bundle_name",
  stack_trace: "e.stack_trace",
};

/** Whether `value` names an ImportErrorOrderKey. */
export const isImportErrorOrderKey = (value: string): value is ImportErrorOrderKey =>
  Object.hasOwn(ORDER_COLUMNS, value);

/** Input of listImportErrorsPage. */
export interface ListImportErrorsPageInput {
  /** ILIKE patterns on the filename; any of them. */
  readonly filenamePatterns?: readonly string[] | null;
  /** @default [{ key: "id", descending: false }]; id is appended when missing. */
  readonly orderBy?: readonly ImportErrorOrder[];
  readonly limit: number;
  /** @default 0 */
  readonly offset?: number;
}

/** One page of import errors. */
export interface ImportErrorsPageResult {
  readonly importErrors: ImportErrorRow[];
  readonly totalEntries: number;
}

function orderSql(orderBy: readonly ImportErrorOrder[]): string {
  const criteria: ImportErrorOrder[] =
    orderBy.length > 0 ? [...orderBy] : [{ key: "id", descending: false }];
  if (!criteria.some((c) => c.key === "id"))
    criteria.push({ key: "id", descending: criteria[0]?.descending ?? false });
  return criteria
    .map((c) => `${ORDER_COLUMNS[c.key]} ${c.descending ? "desc" : "asc"} nulls last`)
    .join(", ");
}

/** Lists import errors. */
export async function listImportErrorsPage(
  client: SqlClient,
  input: ListImportErrorsPageInput,
): Promise<ImportErrorsPageResult> {
  const order = orderSql(input.orderBy ?? []);
  const result = await client.query(
    `with filtered as (
       select * from import_error where $1::text[] is null or filename ilike any($1::text[])
     ),
     page as (
       select e.*, row_number() over (order by ${order}) as ordinal
       from filtered e order by ${order} limit $2 offset $3
     )
     select t.total, p.*
     from (select count(*)::int as total from filtered) t left join page p on true
     order by p.ordinal`,
    [input.filenamePatterns ?? null, input.limit, input.offset ?? 0],
  );
  return {
    importErrors: result.rows.filter((r) => r.id !== null).map(importErrorFromRow),
    totalEntries: Number(result.rows[0]?.total ?? 0),
  };
}
