// getVariable: reads one Variable by key.
//   reads:   the `variable` row with this key
//   locks:   none
//   returns: the variable, or null when there is none
import { type VariableRow, variableFromRow } from "../../rows/variableRow";
import type { SqlClient } from "../../sqlClient";

/** Reads a variable; null when the key is unknown. */
export async function getVariable(
  client: SqlClient,
  input: { readonly key: string },
): Promise<VariableRow | null> {
  const result = await client.query("select * from variable where key = $1", [input.key]);
  const row = result.rows[0];
  return row === undefined ? null : variableFromRow(row);
}
