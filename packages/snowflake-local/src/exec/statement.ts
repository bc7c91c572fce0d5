// The shape every statement handler has.

import type { Session } from "../session/session";
import type { StatementResult } from "../result/statementResult";
import type { Token } from "../sql/tokenize";
import type { Resources } from "./resources";

/** One statement, with its bind values already inlined as literals. */
export interface Statement {
  readonly tokens: readonly Token[];
  /** The source text, for PUT and GET, whose `file://` paths are not SQL. */
  readonly text?: string;
}

/** Runs one kind of statement. */
export type StatementHandler = (
  res: Resources,
  session: Session,
  stmt: Statement,
) => Promise<StatementResult>;

/** The statement's source text, for commands parsed by hand (PUT, GET). */
export function statementText(stmt: Statement): string {
  return (stmt.text ?? stmt.tokens.map((t) => t.text).join("")).trim();
}
