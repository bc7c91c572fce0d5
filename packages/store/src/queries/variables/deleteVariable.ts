// deleteVariable: deletes one Variable by key.
//   writes:  deletes the `variable` row with this key
//   locks:   that row until commit
//   returns: the deleted variable; NOT_FOUND when there is none
import { StoreError } from "../../storeError";
import { type VariableRow, variableFromRow } from "../../rows/variableRow";
import type { SqlClient } from "../../sqlClient";

/** Deletes a variable. */
export async function deleteVariable(
  client: SqlClient,
  input: { readonly key: string },
): Promise<VariableRow> {
  const result = await client.query("delete from variable where key = $1 returning *", [input.key]);
  const row = result.rows[0];
  if (row === undefined)
    throw new StoreError("NOT_FOUND", `The Variable with key: \`${input.key}\` was not found`, {
      details: { key: input.key },
    });
  return variableFromRow(row);
}
