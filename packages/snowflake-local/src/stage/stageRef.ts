// Parses stage references: `@name[/path]`, `@db.schema.name/path`, `@~/path` (user stage) and
// `@%table/path` (table stage), bare or inside a string literal.

import { splitNameText } from "../sql/names";

/** A parsed stage reference. */
export interface StageRef {
  readonly kind: "named" | "user" | "table";
  /** Name parts of a named stage or of the table of a table stage; empty for the user stage. */
  readonly nameParts: readonly string[];
  /** Path under the stage, without leading slashes ("" for the stage root). */
  readonly path: string;
}

/** Parses `text`, with or without its leading "@". */
export function parseStageRef(text: string): StageRef {
  const body = text.startsWith("@") ? text.slice(1) : text;
  const slash = firstUnquotedSlash(body);
  const head = slash === -1 ? body : body.slice(0, slash);
  const path = slash === -1 ? "" : body.slice(slash + 1).replace(/^\/+/, "");
  if (head === "~") return { kind: "user", nameParts: [], path };
  if (head.startsWith("%")) return { kind: "table", nameParts: splitNameText(head.slice(1)), path };
  return { kind: "named", nameParts: splitNameText(head), path };
}

function firstUnquotedSlash(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charAt(i);
    if (c === '"') quoted = !quoted;
    else if (c === "/" && !quoted) return i;
  }
  return -1;
}
