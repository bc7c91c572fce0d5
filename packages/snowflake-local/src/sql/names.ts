// Snowflake identifier rules: unquoted names fold to upper case, quoted names keep theirs.

import { SqlError } from "../errors";
import type { Token } from "./tokenize";

/** A database object's name, each part already normalized. */
export interface ObjectName {
  readonly database: string | null;
  readonly schema: string | null;
  readonly name: string;
}

/** The name a word or quoted-identifier token denotes, or undefined for other tokens. */
export function identValue(token: Token | undefined): string | undefined {
  if (token === undefined) return undefined;
  if (token.kind === "word") return token.text.toUpperCase();
  if (token.kind === "quoted") return token.value;
  return undefined;
}

/** Normalizes a name given as text (a login parameter, a stage path part): quoted or folded. */
export function normalizeNameText(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    return trimmed.slice(1, -1).replace(/""/g, '"');
  }
  return trimmed.toUpperCase();
}

/** Splits `a.b."C d"` into normalized parts. */
export function splitNameText(text: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charAt(i);
    if (c === '"') {
      if (quoted && text.charAt(i + 1) === '"') {
        current += '""';
        i += 1;
        continue;
      }
      quoted = !quoted;
      current += c;
    } else if (c === "." && !quoted) {
      parts.push(normalizeNameText(current));
      current = "";
    } else {
      current += c;
    }
  }
  parts.push(normalizeNameText(current));
  return parts;
}

/** Fills in the session's database and schema for a one-, two- or three-part name. */
export function resolveObjectName(
  parts: readonly string[],
  current: { database: string | null; schema: string | null },
): ObjectName {
  const [a, b, c] = parts;
  if (parts.length === 1 && a !== undefined) {
    return { database: current.database, schema: current.schema, name: a };
  }
  if (parts.length === 2 && a !== undefined && b !== undefined) {
    return { database: current.database, schema: a, name: b };
  }
  if (parts.length === 3 && a !== undefined && b !== undefined && c !== undefined) {
    return { database: a, schema: b, name: c };
  }
  throw new SqlError("001003", `SQL compilation error:\ninvalid object name '${parts.join(".")}'`);
}

/** `DB.SCHEMA.NAME` as Snowflake prints it in messages. */
export function displayObjectName(name: ObjectName): string {
  return [name.database, name.schema, name.name].filter((p) => p !== null).join(".");
}
