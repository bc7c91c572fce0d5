// setVariable: creates or replaces a Variable (Airflow's Variable.set).
//   writes:  upserts `variable` on key; the description is kept when input.description is
//            omitted, replaced (or cleared with null) when given
//   locks:   the variable row until commit
//   returns: the stored variable; INVALID_INPUT for an empty key
import { StoreError } from "../../storeError";
import { type VariableRow, variableFromRow } from "../../rows/variableRow";
import type { SqlClient } from "../../sqlClient";

/** Input of setVariable. */
export interface SetVariableInput {
  readonly key: string;
  /** Stored as text; serialise JSON values first (`var.json` parses them back). */
  readonly value: string;
  /** Kept as it is when omitted; null clears it. */
  readonly description?: string | null;
}

/** Creates or replaces a variable. */
export async function setVariable(
  client: SqlClient,
  input: SetVariableInput,
): Promise<VariableRow> {
  if (input.key === "")
    throw new StoreError("INVALID_INPUT", 'variable.key: expected a non-empty string, got ""');
  const result = await client.query(
    `insert into variable as v (key, val, description) values ($1, $2, $3)
     on conflict (key) do update set
       val = excluded.val,
       description = case when $4::boolean then excluded.description else v.description end
     returning *`,
    [input.key, input.value, input.description ?? null, input.description !== undefined],
  );
  return variableFromRow(result.rows[0]!);
}
