// One DuckDB value → the string cell Snowflake's JSON result format carries for its column type.

import type { DuckDBValue } from "@duckdb/node-api";
import {
  DuckDBBlobValue,
  DuckDBDateValue,
  DuckDBTimeNSValue,
  DuckDBTimeTZValue,
  DuckDBTimeValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
} from "@duckdb/node-api";
import { TIME_SCALE } from "./rowType";

const NANOS_PER_SECOND = 1_000_000_000n;

/** The cell text for `value`; complex values must be passed already converted to JSON. */
export function encodeCell(value: DuckDBValue): string | null {
  if (value === null) return null;
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "number") return encodeNumber(value);
  if (typeof value === "bigint" || typeof value === "string") return String(value);
  if (value instanceof DuckDBDateValue) return String(value.days);
  if (value instanceof DuckDBTimestampValue || value instanceof DuckDBTimestampTZValue) {
    return epochSeconds(value.micros * 1000n);
  }
  if (value instanceof DuckDBTimestampSecondsValue)
    return epochSeconds(value.seconds * NANOS_PER_SECOND);
  if (value instanceof DuckDBTimestampMillisecondsValue)
    return epochSeconds(value.millis * 1_000_000n);
  if (value instanceof DuckDBTimestampNanosecondsValue) return epochSeconds(value.nanos);
  if (value instanceof DuckDBTimeValue) return epochSeconds(value.micros * 1000n);
  if (value instanceof DuckDBTimeNSValue) return epochSeconds(value.nanos);
  if (value instanceof DuckDBTimeTZValue) return epochSeconds(value.micros * 1000n);
  if (value instanceof DuckDBBlobValue)
    return Buffer.from(value.bytes).toString("hex").toUpperCase();
  return value.toString();
}

function encodeNumber(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (n === Infinity) return "inf";
  if (n === -Infinity) return "-inf";
  return String(n);
}

/** Signed decimal seconds with a 9-digit fraction ("-0.500000000"), as the driver parses them. */
function epochSeconds(nanos: bigint): string {
  const sign = nanos < 0n ? "-" : "";
  const abs = nanos < 0n ? -nanos : nanos;
  return `${sign}${abs / NANOS_PER_SECOND}.${(abs % NANOS_PER_SECOND).toString().padStart(TIME_SCALE, "0")}`;
}
