// CREATE/DROP STAGE, PUT, GET, LIST and REMOVE. PUT and GET are answered with the LOCAL_FS
// transfer instructions the driver follows to copy files itself (gzipping when AUTO_COMPRESS).

import { unlinkSync } from "node:fs";
import path from "node:path";
import { md5OfFile, filterByPattern, listStagedFiles } from "./stageFiles";
import { parseStageRef } from "./stageRef";
import type { StageLocation } from "./stageStore";
import { localPathOf, parseTransferCommand } from "./commandArgs";
import type { Resources } from "../exec/resources";
import type { Statement } from "../exec/statement";
import { statementText } from "../exec/statement";
import { rowType } from "../result/rowType";
import { statusResult } from "../result/statementResult";
import type { RowsResult, TransferResult } from "../result/statementResult";
import { StatementTypeId } from "../result/statementType";
import type { Session } from "../session/session";
import { SqlError } from "../errors";
import { displayObjectName, resolveObjectName } from "../sql/names";
import { optionBool, optionGroup, optionText, readOptions } from "../sql/options";
import type { Token } from "../sql/tokenize";
import { TokenCursor, syntaxError } from "../sql/tokenCursor";

/** CREATE [OR REPLACE] [TEMPORARY] STAGE [IF NOT EXISTS] name [FILE_FORMAT = (...)] [...]. */
export function createStage(
  res: Resources,
  session: Session,
  stmt: Statement,
): Promise<RowsResult> {
  const c = new TokenCursor(stmt.tokens);
  c.expectWords("CREATE");
  const orReplace = c.acceptWords("OR", "REPLACE");
  const temporary = c.acceptAnyWord("TEMP", "TEMPORARY") !== undefined;
  c.expectWords("STAGE");
  const ifNotExists = c.acceptWords("IF", "NOT", "EXISTS");
  const name = resolveObjectName(c.readName(), session);
  const options = readOptions(c);
  if (options.has("URL")) {
    throw syntaxError("external stages (URL = ...) are not supported by snowflake-local");
  }
  const { outcome, root } = res.stages.create(
    name,
    { orReplace, ifNotExists },
    optionGroup(options, "FILE_FORMAT"),
  );
  if (temporary) session.tempStages.add(root);
  if (outcome === "exists")
    return Promise.resolve(statusResult(`${name.name} already exists, statement succeeded.`));
  return Promise.resolve(statusResult(`Stage area ${name.name} successfully created.`));
}

/** DROP STAGE [IF EXISTS] name. */
export function dropStage(res: Resources, session: Session, stmt: Statement): Promise<RowsResult> {
  const c = new TokenCursor(stmt.tokens);
  c.expectWords("DROP", "STAGE");
  const ifExists = c.acceptWords("IF", "EXISTS");
  const name = resolveObjectName(c.readName(), session);
  if (!res.stages.drop(name)) {
    if (ifExists)
      return Promise.resolve(
        statusResult(`Drop statement executed successfully (${name.name} already dropped).`),
      );
    throw new SqlError(
      "002003",
      `SQL compilation error:\nStage '${displayObjectName(name)}' does not exist or not authorized.`,
      { sqlState: "02000" },
    );
  }
  return Promise.resolve(statusResult(`${name.name} successfully dropped.`));
}

/** PUT file://path @stage[/prefix] [AUTO_COMPRESS] [OVERWRITE] [PARALLEL] [SOURCE_COMPRESSION]. */
export function put(res: Resources, session: Session, stmt: Statement): Promise<TransferResult> {
  const command = parseTransferCommand(statementText(stmt));
  const source = localPathOf(command.first);
  const location = res.stages.resolve(parseStageRef(command.second), session.facts());
  const parallel = Number(optionText(command.options, "PARALLEL") ?? "4");
  return Promise.resolve({
    kind: "transfer",
    data: {
      command: "UPLOAD",
      src_locations: [source],
      autoCompress: optionBool(command.options, "AUTO_COMPRESS", true),
      sourceCompression: "auto_detect",
      parallel: Number.isFinite(parallel) ? parallel : 4,
      overwrite: optionBool(command.options, "OVERWRITE", false),
      stageInfo: localStageInfo(path.join(location.root, location.path)),
      encryptionMaterial: null,
      presignedUrls: [],
      statementTypeId: StatementTypeId.PUT,
    },
  });
}

/** GET @stage[/prefix] file://dir [PATTERN = '...']. */
export function get(res: Resources, session: Session, stmt: Statement): Promise<TransferResult> {
  const command = parseTransferCommand(statementText(stmt));
  const location = res.stages.resolve(parseStageRef(command.first), session.facts());
  const files = filterByPattern(
    listStagedFiles(location.root, location.path),
    optionText(command.options, "PATTERN"),
  );
  return Promise.resolve({
    kind: "transfer",
    data: {
      command: "DOWNLOAD",
      src_locations: files.map((f) => f.relPath),
      localLocation: localPathOf(command.second),
      parallel: Number(optionText(command.options, "PARALLEL") ?? "10"),
      overwrite: true,
      stageInfo: localStageInfo(location.root),
      encryptionMaterial: null,
      presignedUrls: [],
      statementTypeId: StatementTypeId.GET,
    },
  });
}

function localStageInfo(location: string): Record<string, unknown> {
  return {
    locationType: "LOCAL_FS",
    location,
    path: "",
    region: null,
    endPoint: null,
    storageAccount: null,
    isClientSideEncrypted: false,
    creds: {},
  };
}

/** LIST @stage[/prefix] [PATTERN = '...']: name, size, md5, last_modified. */
export async function list(res: Resources, session: Session, stmt: Statement): Promise<RowsResult> {
  const { location, pattern } = readStageCommand(stmt.tokens, res, session);
  const files = filterByPattern(listStagedFiles(location.root, location.path), pattern);
  const rowset = await Promise.all(
    files.map(async (f) => [
      `${location.label}${f.relPath}`,
      String(f.size),
      await md5OfFile(f.absPath),
      f.modified.toUTCString(),
    ]),
  );
  return {
    kind: "rows",
    rowtype: [
      rowType("name", "text"),
      rowType("size", "fixed", { precision: 19, scale: 0 }),
      rowType("md5", "text"),
      rowType("last_modified", "text"),
    ],
    rowset,
    statementTypeId: StatementTypeId.LIST,
  };
}

/** REMOVE @stage[/prefix] [PATTERN = '...']: name, result. */
export function remove(res: Resources, session: Session, stmt: Statement): Promise<RowsResult> {
  const { location, pattern } = readStageCommand(stmt.tokens, res, session);
  const files = filterByPattern(listStagedFiles(location.root, location.path), pattern);
  for (const f of files) unlinkSync(f.absPath);
  return Promise.resolve({
    kind: "rows",
    rowtype: [rowType("name", "text"), rowType("result", "text")],
    rowset: files.map((f) => [`${location.label}${f.relPath}`, "removed"]),
    statementTypeId: StatementTypeId.REMOVE,
  });
}

/** `LIST|REMOVE <stage> [PATTERN = '...']`, the stage bare (`@s/p`) or quoted (`'@s/p'`). */
function readStageCommand(
  tokens: readonly Token[],
  res: Resources,
  session: Session,
): { location: StageLocation; pattern: string | undefined } {
  const c = new TokenCursor(tokens);
  c.next();
  const ref = c.next();
  if (ref.kind !== "stage" && !(ref.kind === "string" && ref.value.startsWith("@"))) {
    throw syntaxError(`expected a stage near '${ref.text}'`);
  }
  const location = res.stages.resolve(parseStageRef(ref.value), session.facts());
  return { location, pattern: optionText(readOptions(c), "PATTERN") };
}
