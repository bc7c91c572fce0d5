// Turns tokens back into DuckDB SQL. Unquoted words are uppercased here, which is how
// Snowflake's identifier folding reaches DuckDB: `create table t (id int)` makes T with column ID.

import type { Token } from "./tokenize";
import { quoteIdent, quoteString } from "./tokenize";

/** DuckDB text for `tokens`. */
export function emit(tokens: readonly Token[]): string {
  let out = "";
  for (const token of tokens) out += emitToken(token);
  return out;
}

function emitToken(token: Token): string {
  switch (token.kind) {
    case "word":
      // Snowflake allows `$` in unquoted names (SYSTEM$BIND); DuckDB only in quoted ones.
      return token.text.includes("$")
        ? quoteIdent(token.text.toUpperCase())
        : token.text.toUpperCase();
    case "quoted":
      return quoteIdent(token.value);
    case "string":
      return quoteString(token.value);
    case "space":
      return token.value;
    case "number":
    case "bind":
    case "stage":
    case "op":
    case "punct":
    case "raw":
      return token.text;
  }
}
