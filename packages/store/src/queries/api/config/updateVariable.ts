// updateVariable: changes the value and/or description of an existing Variable (PATCH
// /variables/{key}); omitted fields keep theirs, a null description clears it. Unlike
// setVariable it never creates one.
//   writes:  updates the `variable` row with this key
//   locks:   that row until commit
//   returns: the updated variable; NOT_FOUND when there is none
import { type VariableRow, variableFromRow } from "../../../rows/variableRow";
import type { SqlClient } from "../../../sqlClient";
import { StoreError } from "../../../storeError";

/** Input of updateVariable. */
export interface UpdateVariableInput {
  readonly key: string;
  /** Stored as text; kept when omitted. */
  readonly value?: string;
  /** Kept when omitted; null clears it. */
  readonly description?: string | null;
}

/** Updates a variable. */
export async function updateVariable(
  client: SqlClient,
  input: UpdateVariableInput,
): Promise<VariableRow> {
  const result = await client.query(
    `update variable set
       val = coalesce($2, val),
       description = case when $3::boolean then $4 else description end
     where key = $1
     returning *`,
    [input.key, input.value ?? null, input.description !== undefined, input.description ?? null],
  );
  const row = result.rows[0];
  if (row === undefined)
    throw new StoreError("NOT_FOUND", `The Variable with key: \`${input.key}\` was not found`, {
      details: { key: input.key },
    });
  return variableFromRow(row);
}
