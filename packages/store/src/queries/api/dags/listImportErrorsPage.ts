// listImportErrorsPage: one page of DAG import errors for the REST API (GET /importErrors), in
// the order asked for, with the number matching.
//   reads:   `import_error`, filenames matching any of the ILIKE patterns when given
//   locks:   none
//   returns: { importErrors, totalEntries }, in the requested order (id breaking ties)
import { type ImportErrorRow, importErrorFromRow } from "../../../rows/importErrorRow";
import type { SqlClient } from "../../../sqlClient";
import { isOrderKeyOf, type ListOrder, listOrderSql } from "../listOrderSql";
import { selectPage } from "../selectPage";

/** What an import error list can be ordered by. */
export type ImportErrorOrderKey = "id" | "timestamp" | "filename" | "bundle_name" | "stack_trace";

/** One ordering criterion; nulls sort last in both directions. */
export type ImportErrorOrder = ListOrder<ImportErrorOrderKey>;

const ORDER_COLUMNS: Readonly<Record<ImportErrorOrderKey, string>> = {
  id: "f.id",
  timestamp: "f.timestamp",
  filename: "f.filename",
  bundle_name: "f.bundle_name",
  stack_trace: "f.stack_trace",
};

/** Whether `value` names an ImportErrorOrderKey. */
export const isImportErrorOrderKey = isOrderKeyOf(ORDER_COLUMNS);

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

/** Lists import errors. */
export async function listImportErrorsPage(
  client: SqlClient,
  input: ListImportErrorsPageInput,
): Promise<ImportErrorsPageResult> {
  const page = await selectPage(client, {
    filtered:
      "select * from import_error where $1::text[] is null or filename ilike any($1::text[])",
    params: [input.filenamePatterns ?? null],
    order: listOrderSql(ORDER_COLUMNS, input.orderBy ?? [], "id"),
    limit: input.limit,
    offset: input.offset ?? 0,
  });
  return { importErrors: page.rows.map(importErrorFromRow), totalEntries: page.totalEntries };
}
