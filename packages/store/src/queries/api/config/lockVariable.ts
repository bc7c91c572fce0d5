// lockVariable: reads one Variable and locks it, so a PATCH can merge the masked value it was
// sent with the stored one and write the result in the same transaction.
//   reads:   the `variable` row with this key
//   locks:   that row (for update) until the caller's transaction ends
//   returns: the variable as stored, or null when there is none
import { type VariableRow, variableFromRow } from "../../../rows/variableRow";
import type { SqlClient } from "../../../sqlClient";

/** Reads and locks a variable; run it inside a transaction. */
export async function lockVariable(
  client: SqlClient,
  input: { readonly key: string },
): Promise<VariableRow | null> {
  const result = await client.query("select * from variable where key = $1 for update", [
    input.key,
  ]);
  const row = result.rows[0];
  return row === undefined ? null : variableFromRow(row);
}
