// CREATE [OR REPLACE] FILE FORMAT [IF NOT EXISTS] name TYPE = CSV ..., DROP FILE FORMAT.

import type { Resources } from "../exec/resources";
import type { Statement } from "../exec/statement";
import { statusResult } from "../result/statementResult";
import type { RowsResult } from "../result/statementResult";
import type { Session } from "../session/session";
import { resolveObjectName } from "../sql/names";
import { readOptions } from "../sql/options";
import { TokenCursor } from "../sql/tokenCursor";
import { compileCsvFormat } from "./csvFormat";

/** Records a named file format (validated now, used by COPY ... FORMAT_NAME). */
export function createFileFormat(
  res: Resources,
  session: Session,
  stmt: Statement,
): Promise<RowsResult> {
  const c = new TokenCursor(stmt.tokens);
  c.expectWords("CREATE");
  const orReplace = c.acceptWords("OR", "REPLACE");
  c.acceptAnyWord("TEMP", "TEMPORARY");
  c.expectWords("FILE", "FORMAT");
  const ifNotExists = c.acceptWords("IF", "NOT", "EXISTS");
  const name = resolveObjectName(c.readName(), session);
  const options = readOptions(c);
  compileCsvFormat(options);
  const defined = res.fileFormats.define(name, options, orReplace || !ifNotExists);
  return Promise.resolve(
    statusResult(
      defined
        ? `File format ${name.name} successfully created.`
        : `${name.name} already exists, statement succeeded.`,
    ),
  );
}

/** DROP FILE FORMAT [IF EXISTS] name. */
export function dropFileFormat(
  res: Resources,
  session: Session,
  stmt: Statement,
): Promise<RowsResult> {
  const c = new TokenCursor(stmt.tokens);
  c.expectWords("DROP", "FILE", "FORMAT");
  c.acceptWords("IF", "EXISTS");
  const name = resolveObjectName(c.readName(), session);
  res.fileFormats.drop(name);
  return Promise.resolve(statusResult(`${name.name} successfully dropped.`));
}
