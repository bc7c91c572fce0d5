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

/** Words CREATE may carry before the object type, after OR REPLACE. */
export const CREATE_MODIFIERS = [
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

/** The statement kinds of CREATE / DROP, by the object they name. */
const OBJECT_KINDS = {
  create: {
    DATABASE: "createDatabase",
    SCHEMA: "createSchema",
    TABLE: "createTable",
    VIEW: "createView",
    STAGE: "createStage",
    FILE: "createFileFormat",
  },
  drop: {
    DATABASE: "dropDatabase",
    SCHEMA: "dropSchema",
    TABLE: "dropTable",
    VIEW: "dropView",
    STAGE: "dropStage",
    FILE: "dropFileFormat",
  },
} as const satisfies Record<string, Record<string, StatementKind>>;

/** CREATE and DROP name their object the same way; only the kinds differ. */
function classifyObject(
  c: TokenCursor,
  verb: keyof typeof OBJECT_KINDS,
): StatementKind | undefined {
  const kinds = OBJECT_KINDS[verb];
  const object = c.acceptAnyWord(...Object.keys(kinds), ...IGNORED_OBJECTS);
  if (object === undefined) return undefined;
  if (object === "FILE") return c.isWords("FORMAT") ? kinds.FILE : undefined;
  return object in kinds ? kinds[object as keyof typeof kinds] : "noop";
}

function classifyCreate(c: TokenCursor): StatementKind | undefined {
  while (c.acceptAnyWord("OR", "REPLACE", ...CREATE_MODIFIERS) !== undefined) {
    // skip modifiers
  }
  return classifyObject(c, "create");
}

function classifyDrop(c: TokenCursor): StatementKind | undefined {
  return classifyObject(c, "drop");
}

function classifyAlter(c: TokenCursor): StatementKind | undefined {
  const object = c.acceptAnyWord("SESSION", "TABLE", ...IGNORED_OBJECTS);
  if (object === "SESSION") return "alterSession";
  if (object === "TABLE") return "alterTable";
  return object === undefined ? undefined : "noop";
}
