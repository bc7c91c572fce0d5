// COPY INTO <table> FROM @stage: each selected file is read with DuckDB's read_csv and inserted
// with casts to the table's column types, all in one transaction. Files the table already loaded
// are skipped unless FORCE; PURGE deletes what was loaded; the result has Snowflake's columns.

import { unlinkSync } from "node:fs";
import type { DuckDBType } from "@duckdb/node-api";
import { SqlError } from "../errors";
import { countOf } from "../exec/handlers/dml";
import type { Resources } from "../exec/resources";
import { runSql } from "../exec/runSql";
import type { Statement } from "../exec/statement";
import { loadHistoryKey, tableSql } from "../exec/tableRef";
import { atomically } from "../exec/transactions";
import { rowType } from "../result/rowType";
import { statusResult } from "../result/statementResult";
import type { RowsResult } from "../result/statementResult";
import { StatementTypeId } from "../result/statementType";
import type { Session } from "../session/session";
import { resolveObjectName, splitNameText } from "../sql/names";
import type { Options } from "../sql/options";
import { mergeOptions, optionBool, optionGroup, optionList, optionText } from "../sql/options";
import { quoteIdent } from "../sql/tokenize";
import type { StagedFile } from "../stage/stageFiles";
import { filterByPattern, listStagedFiles, md5OfFile } from "../stage/stageFiles";
import type { StageLocation } from "../stage/stageStore";
import { parseCopyStatement } from "./copyStatement";
import type { CsvFormat, TargetColumn } from "./csvFormat";
import { castField, compileCsvFormat, readCsvSql } from "./csvFormat";
import { describeFirstError } from "./firstError";

interface FileOutcome {
  readonly file: StagedFile;
  readonly fingerprint: string;
  readonly loaded: number;
}

const RESULT_ROWTYPE = [
  rowType("file", "text"),
  rowType("status", "text"),
  rowType("rows_parsed", "fixed", { precision: 19, scale: 0 }),
  rowType("rows_loaded", "fixed", { precision: 19, scale: 0 }),
  rowType("error_limit", "fixed", { precision: 19, scale: 0 }),
  rowType("errors_seen", "fixed", { precision: 19, scale: 0 }),
  rowType("first_error", "text"),
  rowType("first_error_line", "fixed", { precision: 19, scale: 0 }),
  rowType("first_error_character", "fixed", { precision: 19, scale: 0 }),
  rowType("first_error_column_name", "text"),
];

/** COPY INTO <table> FROM <stage>. */
export async function copyInto(
  res: Resources,
  session: Session,
  stmt: Statement,
): Promise<RowsResult> {
  const copy = parseCopyStatement(stmt.tokens);
  rejectUnsupported(copy.options);
  const location = res.stages.resolve(copy.stage, session.facts());
  const format = compileCsvFormat(fileFormatOptions(res, session, location, copy.options));
  const target = tableSql(copy.table, session);
  const columns = await targetColumns(res, session, target, copy.columns);
  const historyKey = loadHistoryKey(copy.table, session);
  const pending = await filesToLoad(res, historyKey, location, copy.options);
  if (pending.length === 0) {
    return statusResult("Copy executed with 0 files processed.", StatementTypeId.COPY);
  }
  const outcomes = await atomically(res, session, async () => {
    const done: FileOutcome[] = [];
    for (const { file, fingerprint } of pending) {
      const loaded = await loadFile(res, session, { target, columns, format, file, location });
      done.push({ file, fingerprint, loaded });
    }
    // Recorded when the transaction commits: just below, or at the client's COMMIT.
    for (const { file, fingerprint } of done) {
      session.pendingLoads.push({ table: historyKey, file: file.relPath, fingerprint });
    }
    return done;
  });
  if (optionBool(copy.options, "PURGE", false))
    for (const o of outcomes) unlinkSync(o.file.absPath);
  return {
    kind: "rows",
    rowtype: RESULT_ROWTYPE,
    rowset: outcomes.map((o) => {
      const count = String(o.loaded);
      return [
        `${location.label}${o.file.relPath}`,
        "LOADED",
        count,
        count,
        "1",
        "0",
        null,
        null,
        null,
        null,
      ];
    }),
    statementTypeId: StatementTypeId.COPY,
  };
}

/** Only ON_ERROR = ABORT_STATEMENT (COPY's default) is implemented, and no VALIDATION_MODE. */
function rejectUnsupported(options: Options): void {
  const onError = (optionText(options, "ON_ERROR") ?? "ABORT_STATEMENT").toUpperCase();
  const unsupported =
    onError !== "ABORT_STATEMENT"
      ? `ON_ERROR = ${onError}`
      : options.has("VALIDATION_MODE")
        ? "VALIDATION_MODE"
        : undefined;
  if (unsupported !== undefined) {
    throw new SqlError(
      "001003",
      `SQL compilation error:\n${unsupported} is not supported by snowflake-local`,
    );
  }
}

/** The selected files the table has not loaded yet (all of them with FORCE = TRUE). */
async function filesToLoad(
  res: Resources,
  historyKey: string,
  location: StageLocation,
  options: Options,
): Promise<{ file: StagedFile; fingerprint: string }[]> {
  const force = optionBool(options, "FORCE", false);
  const pending: { file: StagedFile; fingerprint: string }[] = [];
  for (const file of selectFiles(location, options)) {
    const fingerprint = await md5OfFile(file.absPath);
    if (force || !res.loadHistory.hasLoaded(historyKey, file.relPath, fingerprint)) {
      pending.push({ file, fingerprint });
    }
  }
  return pending;
}

/** The stage's format, overlaid by a named FORMAT_NAME, overlaid by the inline options. */
function fileFormatOptions(
  res: Resources,
  session: Session,
  location: StageLocation,
  options: Options,
): Options {
  const inline = optionGroup(options, "FILE_FORMAT");
  const formatName = inline === undefined ? undefined : optionText(inline, "FORMAT_NAME");
  let named: Options | undefined;
  if (formatName !== undefined) {
    const name = resolveObjectName(splitNameText(formatName), session);
    named = res.fileFormats.get(name);
    if (named === undefined) {
      throw new SqlError(
        "002003",
        `SQL compilation error:\nFile format '${formatName}' does not exist or not authorized.`,
        {
          sqlState: "02000",
        },
      );
    }
  }
  return mergeOptions(mergeOptions(location.fileFormat, named), inline);
}

/** The target's columns (all, or the COPY's column list) with their DuckDB types. */
async function targetColumns(
  res: Resources,
  session: Session,
  target: string,
  only: readonly string[] | undefined,
): Promise<TargetColumn[]> {
  const reader = await runSql(res, session, `SELECT * FROM ${target} LIMIT 0`);
  const types: DuckDBType[] = reader.columnTypes();
  const all = reader.columnNames().map((name, i) => ({ name, duckType: duckTypeName(types[i]) }));
  if (only === undefined) return all;
  return only.map((name) => {
    const col = all.find((c) => c.name.toUpperCase() === name.toUpperCase());
    if (col === undefined) {
      throw new SqlError(
        "000904",
        `SQL compilation error:\nerror line 1 at position 0\ninvalid identifier '${name}'`,
      );
    }
    return col;
  });
}

function duckTypeName(type: DuckDBType | undefined): string {
  if (type === undefined) return "VARCHAR";
  return type.alias ?? type.toString();
}

/** The stage files the COPY names: under the path, narrowed by FILES or PATTERN. */
function selectFiles(location: StageLocation, options: Options): StagedFile[] {
  const all = listStagedFiles(location.root, location.path);
  const files = optionList(options, "FILES");
  if (files !== undefined) {
    const base =
      location.path === "" || location.path.endsWith("/") ? location.path : `${location.path}/`;
    const wanted = new Set(files.map((f) => `${base}${f.replace(/^\/+/, "")}`));
    return all.filter((f) => wanted.has(f.relPath) || files.includes(f.relPath));
  }
  return filterByPattern(all, optionText(options, "PATTERN"));
}

/** Inserts one file's rows; a bad value fails the statement with Snowflake's COPY message. */
async function loadFile(
  res: Resources,
  session: Session,
  job: {
    target: string;
    columns: readonly TargetColumn[];
    format: CsvFormat;
    file: StagedFile;
    location: StageLocation;
  },
): Promise<number> {
  const { target, columns, format, file } = job;
  const source = readCsvSql(file.absPath, format, columns.length);
  const casts = columns.map((col, i) => castField(`c${i}`, col.duckType, format, false)).join(", ");
  const names = columns.map((col) => quoteIdent(col.name)).join(", ");
  try {
    return countOf(
      await runSql(res, session, `INSERT INTO ${target} (${names}) SELECT ${casts} FROM ${source}`),
    );
  } catch (error) {
    if (error instanceof SqlError && error.code === "100038") {
      const detail = await describeFirstError(res, job).catch(() => undefined);
      if (detail !== undefined) throw new SqlError("100038", detail, { cause: error });
    }
    throw error;
  }
}
