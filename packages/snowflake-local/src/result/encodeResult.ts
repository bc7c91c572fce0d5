// A DuckDB result → Snowflake's `rowtype` plus a `rowset` of string cells.

import type { DuckDBResultReader, DuckDBType } from "@duckdb/node-api";
import { DuckDBTypeId } from "@duckdb/node-api";
import { snowflakeColumnName } from "./columnName";
import { encodeCell } from "./encodeCell";
import type { RowType } from "./rowType";
import { rowTypeFor } from "./rowType";

/** Column metadata and string cells, ready for a query response. */
export interface EncodedRows {
  readonly rowtype: RowType[];
  readonly rowset: (string | null)[][];
}

const COMPLEX_TYPES = new Set<DuckDBTypeId>([
  DuckDBTypeId.LIST,
  DuckDBTypeId.ARRAY,
  DuckDBTypeId.STRUCT,
  DuckDBTypeId.MAP,
  DuckDBTypeId.UNION,
  DuckDBTypeId.VARIANT,
]);

/**
 * Encodes every row of `reader` (which must have been read completely). `keepNames` leaves column
 * names as DuckDB reports them (SHOW's lower-case names), instead of Snowflake's naming of
 * unaliased expressions.
 */
export function encodeResult(
  reader: DuckDBResultReader,
  options: { keepNames?: boolean } = {},
): EncodedRows {
  const types: DuckDBType[] = reader.columnTypes();
  const rowtype = reader.columnNames().map((name, i) => {
    const type = types[i];
    if (type === undefined) throw new Error(`column ${i} has no type`);
    return rowTypeFor(options.keepNames === true ? name : snowflakeColumnName(name), type);
  });
  const complex = types.map((t) => COMPLEX_TYPES.has(t.typeId));
  const rows = reader.getRows();
  const json = complex.some(Boolean) ? reader.getRowsJson() : undefined;
  const rowset = rows.map((row, r) =>
    row.map((value, c) => {
      if (value === null) return null;
      if (complex[c] === true) return JSON.stringify(json?.[r]?.[c] ?? null);
      return encodeCell(value);
    }),
  );
  return { rowtype, rowset };
}
