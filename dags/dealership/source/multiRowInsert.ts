// One INSERT for many rows, values bound: `insert into t (a, b) values ($1, $2), ($3, $4)`.
import { quoteIdent } from "./quoteIdent";
import { SourceOptionError } from "./sourceOptionError";

/** The protocol's limit on bound parameters in one statement. */
export const MAX_BIND_PARAMETERS = 65_535;

/** A statement ready for `client.query(text, values)`. */
export interface BoundStatement {
  readonly text: string;
  readonly values: readonly unknown[];
}

/**
 * `insert into <table> (<columns>) values …` for `rows` (each in `columns` order), then `suffix`
 * (`on conflict …`, `returning …`). `table` is already quoted; columns are quoted here.
 */
export function multiRowInsert(
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  suffix = "",
): BoundStatement {
  if (rows.length === 0 || rows.length * columns.length > MAX_BIND_PARAMETERS)
    throw new SourceOptionError(
      `rows: expected 1 to ${Math.floor(MAX_BIND_PARAMETERS / columns.length)} rows, got ${rows.length}`,
    );
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const placeholders = row.map((value) => {
      values.push(value);
      return `$${values.length}`;
    });
    return `(${placeholders.join(", ")})`;
  });
  const text =
    `insert into ${table} (${columns.map(quoteIdent).join(", ")}) values ${tuples.join(", ")}` +
    (suffix === "" ? "" : ` ${suffix}`);
  return { text, values };
}
