// listImportErrors: one page of DAG import errors, with the total.
//   reads:   `import_error`, filenames matching an SQL LIKE pattern when given
//   locks:   none
//   returns: { importErrors, totalEntries }, ordered by id
import { type ImportErrorRow, importErrorFromRow } from "../../rows/importErrorRow";
import type { SqlClient } from "../../sqlClient";

/** Input of listImportErrors. */
export interface ListImportErrorsInput {
  /** SQL LIKE pattern (`%`, `_`) on the filename (the API's filename_pattern). */
  readonly filenamePattern?: string;
  /** @default 50 */
  readonly limit?: number;
  /** @default 0 */
  readonly offset?: number;
}

/** One page of import errors. */
export interface ImportErrorsPage {
  readonly importErrors: ImportErrorRow[];
  readonly totalEntries: number;
}

/** Lists import errors. */
export async function listImportErrors(
  client: SqlClient,
  input: ListImportErrorsInput = {},
): Promise<ImportErrorsPage> {
  const result = await client.query(
    `with filtered as (select * from import_error where $1::text is null or filename like $1),
     page as (select * from filtered order by id limit $2 offset $3)
     select t.total, page.*
     from (select count(*)::int as total from filtered) t left join page on true
     order by page.id`,
    [input.filenamePattern ?? null, input.limit ?? 50, input.offset ?? 0],
  );
  return {
    importErrors: result.rows.filter((r) => r.id !== null).map(importErrorFromRow),
    totalEntries: Number(result.rows[0]?.total ?? 0),
  };
}
