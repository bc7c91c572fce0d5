// getImportError: one DAG import error by id (GET /importErrors/{import_error_id}).
//   reads:   `import_error` by primary key
//   locks:   none
//   returns: the import error, or null when there is none
import { type ImportErrorRow, importErrorFromRow } from "../../../rows/importErrorRow";
import type { SqlClient } from "../../../sqlClient";

/** Reads one import error. */
export async function getImportError(
  client: SqlClient,
  input: { readonly id: number },
): Promise<ImportErrorRow | null> {
  const result = await client.query("select * from import_error where id = $1", [input.id]);
  const row = result.rows[0];
  return row === undefined ? null : importErrorFromRow(row);
}
