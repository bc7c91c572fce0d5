// What executing one statement produces, before it is wrapped into a query response.

import type { RowType } from "./rowType";
import { rowType } from "./rowType";
import type { StatementTypeId } from "./statementType";
import { StatementTypeId as Ids } from "./statementType";

/** Rows to return, with their statement type. */
export interface RowsResult {
  readonly kind: "rows";
  readonly rowtype: readonly RowType[];
  readonly rowset: readonly (readonly (string | null)[])[];
  readonly statementTypeId: StatementTypeId;
}

/** A PUT or GET: the driver moves the files itself, guided by `data`. */
export interface TransferResult {
  readonly kind: "transfer";
  readonly data: Readonly<Record<string, unknown>>;
}

/** Anything a statement handler may return. */
export type StatementResult = RowsResult | TransferResult;

/** A one-row, one-column `status` result, as Snowflake answers DDL and session commands. */
export function statusResult(
  message: string,
  statementTypeId: StatementTypeId = Ids.DDL,
): RowsResult {
  return {
    kind: "rows",
    rowtype: [rowType("status", "text")],
    rowset: [[message]],
    statementTypeId,
  };
}

/** The DML count row: Snowflake's column names, e.g. "number of rows inserted". */
export function dmlResult(
  counts: readonly (readonly [string, number])[],
  statementTypeId: StatementTypeId,
): RowsResult {
  return {
    kind: "rows",
    rowtype: counts.map(([name]) => rowType(name, "fixed", { precision: 19, scale: 0 })),
    rowset: [counts.map(([, n]) => String(n))],
    statementTypeId,
  };
}
