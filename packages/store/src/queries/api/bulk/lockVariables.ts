// lockVariables: reads the Variables a bulk request names and locks them, so that its
// create / update / delete actions decide what exists and write in the same transaction.
//   reads:   the `variable` rows whose key is one of keys
//   locks:   those rows (for update, in id order) until the caller's transaction ends
//   returns: the variables as stored, in id order; keys not stored are simply missing
import { type VariableRow, variableFromRow } from "../../../rows/variableRow";
import type { SqlClient } from "../../../sqlClient";

/** Reads and locks variables; run it inside a transaction. */
export async function lockVariables(
  client: SqlClient,
  input: { readonly keys: readonly string[] },
): Promise<VariableRow[]> {
  if (input.keys.length === 0) return [];
  const result = await client.query(
    "select * from variable where key = any($1::text[]) order by id for update",
    [input.keys],
  );
  return result.rows.map(variableFromRow);
}
