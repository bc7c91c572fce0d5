// When a COPY fails on a value, finds the first row and column whose cast fails, so the error
// names file, line and column as Snowflake's does.

import type { Resources } from "../exec/resources";
import type { StagedFile } from "../stage/stageFiles";
import type { StageLocation } from "../stage/stageStore";
import type { CsvFormat, TargetColumn } from "./csvFormat";
import { castField, readCsvSql } from "./csvFormat";

/** Snowflake's COPY error text for the first unconvertible value, or undefined if none is found. */
export async function describeFirstError(
  res: Resources,
  job: {
    columns: readonly TargetColumn[];
    format: CsvFormat;
    file: StagedFile;
    location: StageLocation;
  },
): Promise<string | undefined> {
  const { columns, format, file, location } = job;
  const source = readCsvSql(file.absPath, format, columns.length);
  const failing = columns
    .map(
      (col, i) =>
        `CASE WHEN c${i} IS NOT NULL AND ${castField(`c${i}`, col.duckType, format, true)} IS NULL THEN ${i} END`,
    )
    .join(", ");
  const sql = `SELECT rn, col, val FROM (
      SELECT rn, coalesce(${failing}) AS col, [${columns.map((_, i) => `c${i}`).join(", ")}][coalesce(${failing}) + 1] AS val
      FROM (SELECT row_number() OVER () AS rn, * FROM ${source})
    ) WHERE col IS NOT NULL ORDER BY rn LIMIT 1`;
  const reader = await res.scratch.run(sql);
  const [row] = reader.getRows();
  if (row === undefined) return undefined;
  const [rn, col, val] = row;
  const column = columns[Number(col)];
  const line = Number(rn) + format.skipHeader;
  const what =
    column?.duckType.startsWith("DECIMAL") || /INT|DOUBLE/.test(column?.duckType ?? "")
      ? "Numeric"
      : "Value";
  return [
    `${what} value '${String(val)}' is not recognized`,
    `  File '${location.label}${file.relPath}', line ${line}, character 1`,
    `  Row ${String(rn)}, column "${column?.name ?? ""}"`,
    "  If you would like to continue loading when an error is encountered, use other values such as 'SKIP_FILE' or 'CONTINUE' for the ON_ERROR option.",
  ].join("\n");
}
