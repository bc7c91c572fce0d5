// Identifiers in generated SQL are always quoted (Postgres, DuckDB and Snowflake share the
// double-quote syntax); values are bound, never interpolated.

/** `name` as a quoted identifier: `"name"`, embedded quotes doubled. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A schema-qualified name, each part quoted. */
export function qualifiedName(...parts: readonly string[]): string {
  return parts.map(quoteIdentifier).join(".");
}
