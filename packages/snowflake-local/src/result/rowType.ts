// Column metadata in Snowflake's `rowtype` form, derived from DuckDB column types.

import type { DuckDBType } from "@duckdb/node-api";
import { DuckDBTypeId } from "@duckdb/node-api";

/** One entry of a query response's `rowtype`. */
export interface RowType {
  readonly name: string;
  readonly type: SnowflakeColumnType;
  readonly precision: number | null;
  readonly scale: number | null;
  readonly length: number | null;
  readonly byteLength: number | null;
  readonly nullable: boolean;
  readonly database: string;
  readonly schema: string;
  readonly table: string;
  readonly collation: null;
}

/** The lowercase type names the driver decodes. */
export type SnowflakeColumnType =
  | "fixed"
  | "real"
  | "text"
  | "boolean"
  | "date"
  | "time"
  | "timestamp_ntz"
  | "timestamp_ltz"
  | "timestamp_tz"
  | "variant"
  | "object"
  | "array"
  | "binary";

const MAX_TEXT = 16777216;
const MAX_BINARY = 8388608;
/** Snowflake's default fractional-second digits for TIME and TIMESTAMP_* (nanoseconds). */
export const TIME_SCALE = 9;

/** A rowtype entry with `name` and the given type facts. */
export function rowType(
  name: string,
  type: SnowflakeColumnType,
  facts: { precision?: number; scale?: number; length?: number } = {},
): RowType {
  return {
    name,
    type,
    precision: facts.precision ?? null,
    scale: facts.scale ?? null,
    length: facts.length ?? null,
    byteLength: facts.length ?? null,
    nullable: true,
    database: "",
    schema: "",
    table: "",
    collation: null,
  };
}

/** The rowtype for a DuckDB result column. */
export function rowTypeFor(name: string, duckType: DuckDBType): RowType {
  const id = duckType.typeId;
  switch (id) {
    case DuckDBTypeId.BOOLEAN:
      return rowType(name, "boolean");
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
    case DuckDBTypeId.BIGNUM:
      return rowType(name, "fixed", { precision: 38, scale: 0 });
    case DuckDBTypeId.DECIMAL:
      return rowType(name, "fixed", { precision: duckType.width, scale: duckType.scale });
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return rowType(name, "real");
    case DuckDBTypeId.DATE:
      return rowType(name, "date");
    case DuckDBTypeId.TIME:
    case DuckDBTypeId.TIME_NS:
    case DuckDBTypeId.TIME_TZ:
      return rowType(name, "time", { precision: 0, scale: TIME_SCALE });
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
      return rowType(name, "timestamp_ntz", { precision: 0, scale: TIME_SCALE });
    case DuckDBTypeId.TIMESTAMP_TZ:
      return rowType(name, "timestamp_ltz", { precision: 0, scale: TIME_SCALE });
    case DuckDBTypeId.BLOB:
      return rowType(name, "binary", { length: MAX_BINARY });
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY:
      return rowType(name, "array");
    case DuckDBTypeId.STRUCT:
    case DuckDBTypeId.MAP:
      return rowType(name, "object");
    case DuckDBTypeId.VARIANT:
    case DuckDBTypeId.UNION:
      return rowType(name, "variant");
    case DuckDBTypeId.VARCHAR:
      return duckType.alias === "JSON"
        ? rowType(name, "variant")
        : rowType(name, "text", { length: MAX_TEXT });
    case DuckDBTypeId.INTERVAL:
    case DuckDBTypeId.UUID:
    case DuckDBTypeId.ENUM:
    case DuckDBTypeId.BIT:
    case DuckDBTypeId.GEOMETRY:
    case DuckDBTypeId.SQLNULL:
    case DuckDBTypeId.STRING_LITERAL:
    case DuckDBTypeId.INTEGER_LITERAL:
    case DuckDBTypeId.ANY:
      return rowType(name, "text", { length: MAX_TEXT });
  }
}
