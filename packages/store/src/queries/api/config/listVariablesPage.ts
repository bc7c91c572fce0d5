// listVariablesPage: one page of Variables for GET /variables, in the order asked for, with the
// number matching (listVariables has one fixed order and an exact LIKE).
//   reads:   `variable`, keys matching any of the ILIKE patterns when given
//   locks:   none
//   returns: { variables (values as stored: the API masks sensitive ones), totalEntries }, in
//            the requested order, id breaking ties
import { type VariableRow, variableFromRow } from "../../../rows/variableRow";
import type { SqlClient } from "../../../sqlClient";
import { isOrderKeyOf, type ListOrder, listOrderSql } from "../listOrderSql";
import { selectPage } from "../selectPage";

/** What a variable list can be ordered by (`val` is Airflow's `_val`). */
export type VariableOrderKey = "id" | "key" | "val" | "description" | "is_encrypted";

const ORDER_COLUMNS: Readonly<Record<VariableOrderKey, string>> = {
  id: "f.id",
  key: "f.key",
  val: "f.val",
  description: "f.description",
  is_encrypted: "f.is_encrypted",
};

/** Whether `value` names a VariableOrderKey. */
export const isVariableOrderKey = isOrderKeyOf(ORDER_COLUMNS);

/** Input of listVariablesPage. */
export interface ListVariablesPageInput {
  /** ILIKE patterns on the key; any of them matches. */
  readonly keyPatterns?: readonly string[] | null;
  /** @default by id */
  readonly orderBy?: readonly ListOrder<VariableOrderKey>[];
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
  const page = await selectPage(client, {
    filtered: "select * from variable where $1::text[] is null or key ilike any($1::text[])",
    params: [input.keyPatterns ?? null],
    order: listOrderSql(ORDER_COLUMNS, input.orderBy ?? [], "id"),
    limit: input.limit,
    offset: input.offset ?? 0,
  });
  return { variables: page.rows.map(variableFromRow), totalEntries: page.totalEntries };
}
