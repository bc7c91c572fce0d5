// Decides which handler runs a statement, from its leading keywords.

import type { Token } from "../sql/tokenize";
import { TokenCursor } from "../sql/tokenCursor";

/** The kinds of statement this server tells apart. */
export type StatementKind =
  | "query"
  | "show"
  | "describe"
  | "insert"
  | "update"
  | "delete"
  | "merge"
  | "truncate"
  | "createDatabase"
  | "dropDatabase"
  | "createSchema"
  | "dropSchema"
  | "use"
  | "createTable"
  | "dropTable"
  | "alterTable"
  | "createView"
  | "dropView"
  | "createStage"
  | "dropStage"
  | "createFileFormat"
  | "dropFileFormat"
  | "put"
  | "get"
  | "list"
  | "remove"
  | "copy"
  | "begin"
  | "commit"
  | "rollback"
  | "alterSession"
  | "noop";

/** Words CREATE may carry before the object type. */
const CREATE_MODIFIERS = [
  "OR",
  "REPLACE",
  "LOCAL",
  "GLOBAL",
  "TEMP",
  "TEMPORARY",
  "VOLATILE",
  "TRANSIENT",
  "SECURE",
  "RECURSIVE",
];

/** Account-level objects whose DDL is accepted and ignored. */
const IGNORED_OBJECTS = ["WAREHOUSE", "ROLE", "USER", "RESOURCE", "INTEGRATION", "NETWORK"];

/** The kind of `tokens`, or undefined when this server does not support it. */
export function classify(tokens: readonly Token[]): StatementKind | undefined {
  const c = new TokenCursor(tokens);
  const first = c.peek();
  if (first?.kind === "punct" && first.text === "(") return "query";
  const word = c.acceptAnyWord(
    ...["SELECT", "WITH", "VALUES", "SHOW", "DESCRIBE", "DESC", "INSERT", "UPDATE", "DELETE"],
    ...["MERGE", "TRUNCATE", "CREATE", "DROP", "ALTER", "USE", "PUT", "GET", "LIST", "LS"],
    ...["REMOVE", "RM", "COPY", "BEGIN", "START", "COMMIT", "ROLLBACK", "GRANT", "REVOKE"],
    ...["EXPLAIN", "SUMMARIZE"],
  );
  switch (word) {
    case "SELECT":
    case "WITH":
    case "VALUES":
    case "EXPLAIN":
    case "SUMMARIZE":
      return "query";
    case "SHOW":
      return "show";
    case "DESCRIBE":
    case "DESC":
      return "describe";
    case "INSERT":
      return "insert";
    case "UPDATE":
      return "update";
    case "DELETE":
      return "delete";
    case "MERGE":
      return "merge";
    case "TRUNCATE":
      return "truncate";
    case "CREATE":
      return classifyCreate(c);
    case "DROP":
      return classifyDrop(c);
    case "ALTER":
      return classifyAlter(c);
    case "USE":
      return "use";
    case "PUT":
      return "put";
    case "GET":
      return "get";
    case "LIST":
    case "LS":
      return "list";
    case "REMOVE":
    case "RM":
      return "remove";
    case "COPY":
      return c.isWords("INTO") ? "copy" : undefined;
    case "BEGIN":
      return "begin";
    case "START":
      return c.isWords("TRANSACTION") ? "begin" : undefined;
    case "COMMIT":
      return "commit";
    case "ROLLBACK":
      return "rollback";
    case "GRANT":
    case "REVOKE":
      return "noop";
    case undefined:
    default:
      return undefined;
  }
}

function classifyCreate(c: TokenCursor): StatementKind | undefined {
  while (c.acceptAnyWord(...CREATE_MODIFIERS) !== undefined) {
    // skip modifiers
  }
  const object = c.acceptAnyWord(
    "DATABASE",
    "SCHEMA",
    "TABLE",
    "VIEW",
    "STAGE",
    "FILE",
    ...IGNORED_OBJECTS,
  );
  switch (object) {
    case "DATABASE":
      return "createDatabase";
    case "SCHEMA":
      return "createSchema";
    case "TABLE":
      return "createTable";
    case "VIEW":
      return "createView";
    case "STAGE":
      return "createStage";
    case "FILE":
      return c.isWords("FORMAT") ? "createFileFormat" : undefined;
    case undefined:
      return undefined;
    default:
      return "noop";
  }
}

function classifyDrop(c: TokenCursor): StatementKind | undefined {
  const object = c.acceptAnyWord(
    "DATABASE",
    "SCHEMA",
    "TABLE",
    "VIEW",
    "STAGE",
    "FILE",
    ...IGNORED_OBJECTS,
  );
  switch (object) {
    case "DATABASE":
      return "dropDatabase";
    case "SCHEMA":
      return "dropSchema";
    case "TABLE":
      return "dropTable";
    case "VIEW":
      return "dropView";
    case "STAGE":
      return "dropStage";
    case "FILE":
      return c.isWords("FORMAT") ? "dropFileFormat" : undefined;
    case undefined:
      return undefined;
    default:
      return "noop";
  }
}

function classifyAlter(c: TokenCursor): StatementKind | undefined {
  const object = c.acceptAnyWord("SESSION", "TABLE", ...IGNORED_OBJECTS);
  if (object === "SESSION") return "alterSession";
  if (object === "TABLE") return "alterTable";
  return object === undefined ? undefined : "noop";
}
