// Snowflake's response envelope: `{success, code, message, data}`, always HTTP 200 for SQL errors
// (the driver retries 5xx without end).

import type { SqlError } from "../errors";

/** A successful response body. */
export function ok(data: unknown): Record<string, unknown> {
  return { success: true, code: null, message: null, data };
}

/** A failed response body for `error`, as the driver turns it into `err.code` / `err.sqlState`. */
export function failure(error: SqlError, queryId: string | null): Record<string, unknown> {
  return {
    success: false,
    code: error.code,
    message: error.message,
    data: {
      errorCode: error.code,
      sqlState: error.sqlState,
      queryId,
      internalError: false,
      age: 0,
      line: -1,
      pos: -1,
    },
  };
}
