// Snowflake CSV file format options → the read_csv call DuckDB loads a staged file with.
// Every field is read as VARCHAR and cast to the target column, so conversions (and their
// errors) are DuckDB's casts, which accept what Postgres COPY ... CSV writes.

import { SqlError } from "../errors";
import type { Options } from "../sql/options";
import { optionBool, optionList, optionText } from "../sql/options";
import { quoteString } from "../sql/tokenize";
import { toStrftimeFormat } from "../sql/dateFormat";

/** A COPY target column: its name and DuckDB type. */
export interface TargetColumn {
  readonly name: string;
  readonly duckType: string;
}

/** A compiled CSV file format. */
export interface CsvFormat {
  readonly delimiter: string;
  readonly skipHeader: number;
  /** FIELD_OPTIONALLY_ENCLOSED_BY; null for NONE (Snowflake's default). */
  readonly quote: string | null;
  readonly escape: string | null;
  readonly nullIf: readonly string[];
  readonly compression: "auto" | "gzip" | "none" | "zstd";
  readonly trimSpace: boolean;
  readonly dateFormat: string | undefined;
  readonly timestampFormat: string | undefined;
}

const COMPRESSIONS: Readonly<Record<string, CsvFormat["compression"]>> = {
  AUTO: "auto",
  GZIP: "gzip",
  NONE: "none",
  ZSTD: "zstd",
};

/** Compiles file format options; only TYPE = CSV is supported. */
export function compileCsvFormat(options: Options): CsvFormat {
  const type = (optionText(options, "TYPE") ?? "CSV").toUpperCase();
  if (type !== "CSV") {
    throw new SqlError(
      "001003",
      `SQL compilation error:\nFILE_FORMAT TYPE = ${type} is not supported by snowflake-local (CSV only)`,
    );
  }
  const compressionName = (optionText(options, "COMPRESSION") ?? "AUTO").toUpperCase();
  const compression = COMPRESSIONS[compressionName];
  if (compression === undefined) {
    throw new SqlError(
      "001003",
      `SQL compilation error:\nCOMPRESSION = ${compressionName} is not supported by snowflake-local`,
    );
  }
  const nullIf = optionList(options, "NULL_IF") ?? ["\\N"];
  const emptyAsNull = optionBool(options, "EMPTY_FIELD_AS_NULL", true);
  return {
    delimiter: noneOr(optionText(options, "FIELD_DELIMITER"), ",") ?? ",",
    skipHeader: Number(optionText(options, "SKIP_HEADER") ?? "0"),
    quote: noneOr(optionText(options, "FIELD_OPTIONALLY_ENCLOSED_BY"), null),
    escape: noneOr(optionText(options, "ESCAPE"), null),
    nullIf: emptyAsNull && !nullIf.includes("") ? [...nullIf, ""] : nullIf,
    compression,
    trimSpace: optionBool(options, "TRIM_SPACE", false),
    dateFormat: autoOr(optionText(options, "DATE_FORMAT")),
    timestampFormat: autoOr(optionText(options, "TIMESTAMP_FORMAT")),
  };
}

function noneOr(value: string | undefined, fallback: string | null): string | null {
  if (value === undefined) return fallback;
  return value.toUpperCase() === "NONE" ? null : value;
}

function autoOr(value: string | undefined): string | undefined {
  return value === undefined || value.toUpperCase() === "AUTO" ? undefined : value;
}

/** `read_csv(...)` over `file` with `columnCount` VARCHAR columns c0..cN. */
export function readCsvSql(file: string, format: CsvFormat, columnCount: number): string {
  const columns = Array.from({ length: columnCount }, (_, i) => `'c${i}': 'VARCHAR'`).join(", ");
  const quote = format.quote ?? "";
  // Inside quotes, a doubled quote is the escape unless ESCAPE says otherwise, as in Snowflake.
  const escape = format.escape ?? quote;
  const args = [
    quoteString(file),
    "header = false",
    `skip = ${format.skipHeader}`,
    `delim = ${quoteString(format.delimiter)}`,
    `quote = ${quoteString(quote)}`,
    `escape = ${quoteString(escape)}`,
    `nullstr = [${format.nullIf.map(quoteString).join(", ")}]`,
    // Postgres writes NULL as an empty unquoted field and '' as "": only the former is NULL.
    "allow_quoted_nulls = false",
    `compression = ${quoteString(format.compression)}`,
    `columns = {${columns}}`,
    "auto_detect = false",
    "strict_mode = true",
    "max_line_size = 134217728",
  ];
  return `read_csv(${args.join(", ")})`;
}

/** The cast of CSV field `field` to DuckDB type `duckType`, honouring TRIM_SPACE and formats. */
export function castField(
  field: string,
  duckType: string,
  format: CsvFormat,
  tryCast: boolean,
): string {
  const value = format.trimSpace ? `trim(${field})` : field;
  const cast = tryCast ? "TRY_CAST" : "CAST";
  const parse = tryCast ? "try_strptime" : "strptime";
  if (duckType === "DATE" && format.dateFormat !== undefined) {
    return `${cast}(${parse}(${value}, ${quoteString(toStrftimeFormat(format.dateFormat))}) AS DATE)`;
  }
  if (duckType.startsWith("TIMESTAMP") && format.timestampFormat !== undefined) {
    return `${cast}(${parse}(${value}, ${quoteString(toStrftimeFormat(format.timestampFormat))}) AS ${duckType})`;
  }
  return `${cast}(${value} AS ${duckType})`;
}
