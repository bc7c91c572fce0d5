// The head shared by CREATE TABLE and CREATE VIEW: `CREATE [OR REPLACE] [modifiers] TABLE|VIEW
// [IF NOT EXISTS] name`, and the DuckDB statement prefix it becomes.

import { quoteIdent } from "../../sql/tokenize";
import type { TokenCursor } from "../../sql/tokenCursor";
import { CREATE_MODIFIERS } from "../classify";

/** What the head of a CREATE TABLE / VIEW says. */
export interface CreateHead {
  readonly orReplace: boolean;
  readonly temporary: boolean;
  readonly ifNotExists: boolean;
  readonly parts: string[];
}

const TEMPORARY = new Set(["TEMP", "TEMPORARY", "VOLATILE"]);

/** Reads the head; TRANSIENT, SECURE, LOCAL and GLOBAL mean nothing locally. */
export function readCreateHead(c: TokenCursor, object: "TABLE" | "VIEW"): CreateHead {
  c.expectWords("CREATE");
  const orReplace = c.acceptWords("OR", "REPLACE");
  let temporary = false;
  for (
    let w = c.acceptAnyWord(...CREATE_MODIFIERS);
    w !== undefined;
    w = c.acceptAnyWord(...CREATE_MODIFIERS)
  ) {
    if (TEMPORARY.has(w)) temporary = true;
  }
  c.expectWords(object);
  const ifNotExists = c.acceptWords("IF", "NOT", "EXISTS");
  return { orReplace, temporary, ifNotExists, parts: c.readName() };
}

/** The created object's name for DuckDB: temporary objects are unqualified (DuckDB's `temp`). */
export function createdName(head: CreateHead): string {
  return head.temporary
    ? quoteIdent(head.parts[head.parts.length - 1] ?? "")
    : head.parts.map(quoteIdent).join(".");
}

/** `CREATE [OR REPLACE] [TEMP] TABLE|VIEW [IF NOT EXISTS] name` for DuckDB. */
export function createPrefix(head: CreateHead, object: "TABLE" | "VIEW"): string {
  return [
    "CREATE",
    head.orReplace ? "OR REPLACE" : "",
    head.temporary ? "TEMP" : "",
    object,
    head.ifNotExists ? "IF NOT EXISTS" : "",
    createdName(head),
  ]
    .filter((w) => w !== "")
    .join(" ");
}

/** The object's own name, as Snowflake's status messages print it. */
export function shortName(head: CreateHead): string {
  return head.parts[head.parts.length - 1] ?? "";
}
