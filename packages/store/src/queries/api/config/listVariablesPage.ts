// listVariablesPage: one page of Variables for GET /variables, in the order asked for, with the
// number matching (listVariables has one fixed order and an exact LIKE).
//   reads:   `variable`, keys matching any of the ILIKE patterns when given
//   locks:   none
//   returns: { variables (values as stored: the API masks sensitive ones), totalEntries }, in
//            the requested order, id breaking ties
import { type VariableRow, variableFromRow } from "../../../rows/variableRow";
import type { SqlClient } from "../../../sqlClient";
import { type ConfigOrder, configOrderSql } from "./configOrder";

/** What a variable list can be ordered by (`val` is Airflow's `_val`). */
export type VariableOrderKey = "id" | "key" | "val" | "description" | "is_encrypted";

const ORDER_COLUMNS: Readonly<Record<VariableOrderKey, string>> = {
  id: "v.id",
  key: "v.key",
  val: "v.val",
  description: "v.description",
  is_encrypted: "v.is_encrypted",
};

/** Whether `value` names a VariableOrderKey. */
export const isVariableOrderKey = (value: string): value is VariableOrderKey =>
  Object.hasOwn(ORDER_COLUMNS, value);

/** Input of listVariablesPage. */
export interface ListVariablesPageInput {
  /** ILIKE patterns on the key; any of them matches. */
  readonly keyPatterns?: readonly string[] | null;
  /** @default by id */
  readonly orderBy?: readonly ConfigOrder<VariableOrderKey>[];
  readonly limit: number;
  /** @default 0 */
  readonly offset?: number;
}

/** One page of variables. */
export interface VariablesPageResult {
  readonly variables: VariableRow[];
  readonly totalEntries: number;
}

/** Lists variables. */
export async function listVariablesPage(
  client: SqlClient,
  input: ListVariablesPageInput,
): Promise<VariablesPageResult> {
  const order = configOrderSql(ORDER_COLUMNS, input.orderBy ?? [], "id");
  const result = await client.query(
    `with filtered as (
       select * from variable where $1::text[] is null or key ilike any($1::text[])
     ),
     page as (
       select v.*, row_number() over (order by ${order}) as ordinal
       from filtered v order by ${order} limit $2 offset $3
     )
     select t.total, p.*
     from (select count(*)::int as total from filtered) t left join page p on true
     order by p.ordinal`,
    [input.keyPatterns ?? null, input.limit, input.offset ?? 0],
  );
  return {
    variables: result.rows.filter((r) => r.id !== null).map(variableFromRow),
    totalEntries: Number(result.rows[0]?.total ?? 0),
  };
}
