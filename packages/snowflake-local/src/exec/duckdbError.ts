// DuckDB error messages → Snowflake error codes and messages, so callers can match on `.code`
// and `.sqlState` exactly as they would against Snowflake.

import { SqlError } from "../errors";
import type { SqlErrorCode } from "../errors";

interface ErrorRule {
  readonly pattern: RegExp;
  readonly code: SqlErrorCode;
  readonly message: (m: RegExpMatchArray, raw: string) => string;
}

const COMPILATION = "SQL compilation error:\n";

const RULES: readonly ErrorRule[] = [
  {
    pattern:
      /^Catalog Error: (?:Table|View|Table Function|Schema|Catalog|Macro Function) with name "?([^"!\s]+)"? does not exist/,
    code: "002003",
    message: (m) => `${COMPILATION}Object '${m[1] ?? ""}' does not exist or not authorized.`,
  },
  {
    pattern: /^(?:Binder|Catalog) Error: Catalog "([^"]+)" does not exist/,
    code: "002003",
    message: (m) => `${COMPILATION}Database '${m[1] ?? ""}' does not exist or not authorized.`,
  },
  {
    pattern: /^Catalog Error: Scalar Function with name (\S+) does not exist/,
    code: "002140",
    message: (m) => `${COMPILATION}Unknown function ${(m[1] ?? "").toUpperCase()}`,
  },
  {
    pattern: /^Catalog Error: .* with name "?([^"\s]+)"? already exists/,
    code: "002002",
    message: (m) => `${COMPILATION}Object '${m[1] ?? ""}' already exists.`,
  },
  {
    pattern:
      /^Binder Error: (?:Referenced column|Values list "[^"]*" does not have a column named|Table "[^"]*" does not have a column named|Column) "?([^"\s]+)"?.*(?:not found|does not exist|named)/,
    code: "000904",
    message: (m) => `${COMPILATION}error line 1 at position 0\ninvalid identifier '${m[1] ?? ""}'`,
  },
  {
    pattern: /^Binder Error: Referenced table "([^"]+)" not found/,
    code: "000904",
    message: (m) => `${COMPILATION}error line 1 at position 0\ninvalid identifier '${m[1] ?? ""}'`,
  },
  {
    pattern: /does not have a column with name "([^"]+)"/,
    code: "000904",
    message: (m) => `${COMPILATION}error line 1 at position 0\ninvalid identifier '${m[1] ?? ""}'`,
  },
  {
    pattern: /^Parser Error: (.*)/s,
    code: "001003",
    message: (m) => `${COMPILATION}${firstLine(m[1] ?? "")}`,
  },
  {
    pattern: /^Constraint Error: NOT NULL constraint failed: (\S+)/,
    code: "100072",
    message: (m) => `NULL result in a non-nullable column '${m[1] ?? ""}'`,
  },
  {
    pattern: /^Conversion Error: (.*)/s,
    code: "100038",
    message: (m) => firstLine(m[1] ?? ""),
  },
  {
    pattern: /^Out of Range Error: (.*)/s,
    code: "100039",
    message: (m) => firstLine(m[1] ?? ""),
  },
  {
    pattern:
      /Expected Number of Columns|Column count mismatch|too many columns|Found: \d+ columns/i,
    code: "100080",
    message: (_m, raw) =>
      `Number of columns in file does not match that of the corresponding table: ${firstLine(raw)}`,
  },
  {
    pattern: /^Binder Error: (.*)/s,
    code: "002023",
    message: (m) => `${COMPILATION}${firstLine(m[1] ?? "")}`,
  },
  {
    pattern: /^TransactionContext Error: (.*)/s,
    code: "000625",
    message: (m) => firstLine(m[1] ?? ""),
  },
];

/** The SqlError for an error DuckDB threw. SqlErrors pass through unchanged. */
export function toSqlError(error: unknown): SqlError {
  if (error instanceof SqlError) return error;
  // Not `instanceof Error`: DuckDB's errors may come from another realm (jest's VM contexts).
  const raw =
    typeof error === "object" && error !== null && "message" in error
      ? String(error.message)
      : String(error);
  for (const rule of RULES) {
    const match = raw.match(rule.pattern);
    if (match !== null) return new SqlError(rule.code, rule.message(match, raw), { cause: error });
  }
  return new SqlError("000603", `SQL execution error: ${firstLine(raw)}`, { cause: error });
}

function firstLine(text: string): string {
  return text.split("\n")[0]?.trim() ?? text;
}
