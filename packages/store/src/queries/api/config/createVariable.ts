// createVariable: stores a new Variable (POST /variables), refusing a key that exists — unlike
// setVariable, which replaces it.
//   writes:  inserts one `variable` row (on conflict on key: nothing)
//   locks:   the new row until commit
//   returns: the stored variable; ALREADY_EXISTS when the key is taken, INVALID_INPUT for an
//            empty key
import { UpdraftError } from "@updraft/sdk";
import { type VariableRow, variableFromRow } from "../../../rows/variableRow";
import type { SqlClient } from "../../../sqlClient";
import { StoreError } from "../../../storeError";

/** Input of createVariable. */
export interface CreateVariableInput {
  readonly key: string;
  /** Stored as text; serialise JSON values first. */
  readonly value: string;
  /** @default null */
  readonly description?: string | null;
}

/** Creates a variable. */
export async function createVariable(
  client: SqlClient,
  input: CreateVariableInput,
): Promise<VariableRow> {
  if (input.key === "")
    throw new StoreError("INVALID_INPUT", 'variable.key: expected a non-empty string, got ""');
  const result = await client.query(
    `insert into variable (key, val, description) values ($1, $2, $3)
     on conflict (key) do nothing
     returning *`,
    [input.key, input.value, input.description ?? null],
  );
  const row = result.rows[0];
  if (row === undefined)
    throw new UpdraftError(
      "ALREADY_EXISTS",
      `The Variable with key: \`${input.key}\` already exists`,
      {
        details: { key: input.key },
      },
    );
  return variableFromRow(row);
}
