// How a table name in a statement reaches DuckDB, and the key its load history is kept under.

import type { Session } from "../session/session";
import { resolveObjectName } from "../sql/names";
import { quoteIdent } from "../sql/tokenize";

/** `DB.SCHEMA.NAME` for `parts` resolved against the session. */
export function qualifiedKey(parts: readonly string[], session: Session): string {
  const n = resolveObjectName(parts, session);
  return `${n.database ?? ""}.${n.schema ?? ""}.${n.name}`;
}

/** True when `parts` name one of the session's temporary tables. */
function isTempTable(parts: readonly string[], session: Session): boolean {
  return session.tempTables.has(qualifiedKey(parts, session));
}

/** DuckDB text for table `parts`: temporary tables live in DuckDB's `temp` catalog. */
export function tableSql(parts: readonly string[], session: Session): string {
  if (isTempTable(parts, session)) return `temp.main.${quoteIdent(parts[parts.length - 1] ?? "")}`;
  return parts.map(quoteIdent).join(".");
}

/** The load-history key of table `parts`; a temporary table's history dies with its session. */
export function loadHistoryKey(parts: readonly string[], session: Session): string {
  const key = qualifiedKey(parts, session);
  return session.tempTables.has(key) ? `temp:${session.id}:${key}` : key;
}
