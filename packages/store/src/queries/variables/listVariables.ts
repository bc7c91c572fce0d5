// listVariables: one page of Variables, with the total.
//   reads:   `variable`, keys matching an SQL LIKE pattern when given
//   locks:   none
//   returns: { variables, totalEntries }, ordered by id
import { type VariableRow, variableFromRow } from "../../rows/variableRow";
import type { SqlClient } from "../../sqlClient";

/** Input of listVariables. */
export interface ListVariablesInput {
  /** SQL LIKE pattern (`%`, `_`) on the key (the API's variable_key_pattern). */
  readonly keyPattern?: string;
  /** @default 50 */
  readonly limit?: number;
  /** @default 0 */
  readonly offset?: number;
}

/** One page of variables. */
export interface VariablesPage {
  readonly variables: VariableRow[];
  readonly totalEntries: number;
}

/** Lists variables. */
export async function listVariables(
  client: SqlClient,
  input: ListVariablesInput = {},
): Promise<VariablesPage> {
  const result = await client.query(
    `with filtered as (select * from variable where $1::text is null or key like $1),
     page as (select * from filtered order by id limit $2 offset $3)
     select t.total, page.*
     from (select count(*)::int as total from filtered) t left join page on true
     order by page.id`,
    [input.keyPattern ?? null, input.limit ?? 50, input.offset ?? 0],
  );
  return {
    variables: result.rows.filter((r) => r.id !== null).map(variableFromRow),
    totalEntries: Number(result.rows[0]?.total ?? 0),
  };
}
