// SQL identifiers are quoted, never pasted: the schema name comes from the command line.
import { SourceOptionError } from "./sourceOptionError";

/** Postgres truncates longer names silently; refusing them is kinder. */
const MAX_IDENTIFIER_BYTES = 63;

/** `name` as a quoted identifier (`"my ""odd"" schema"`); throws on an empty or overlong name. */
export function quoteIdent(name: string): string {
  if (name === "" || name.includes("\0") || Buffer.byteLength(name) > MAX_IDENTIFIER_BYTES)
    throw new SourceOptionError(
      `schema: expected a name of 1 to ${MAX_IDENTIFIER_BYTES} bytes, got ${JSON.stringify(name)}`,
    );
  return `"${name.replace(/"/g, '""')}"`;
}

/** `"schema"."table"`. */
export function qualifiedName(schema: string, table: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(table)}`;
}
