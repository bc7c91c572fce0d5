// Splits a request's text into statements at top-level semicolons.

import type { Token } from "./tokenize";

/** Non-empty statements of `tokens`, each without its terminating semicolon. */
export function splitStatements(tokens: readonly Token[]): Token[][] {
  const statements: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === "punct" && t.text === "(") depth += 1;
    if (t.kind === "punct" && t.text === ")") depth -= 1;
    if (t.kind === "punct" && t.text === ";" && depth <= 0) {
      statements.push(current);
      current = [];
      continue;
    }
    current.push(t);
  }
  statements.push(current);
  return statements.filter((s) => s.some((t) => t.kind !== "space"));
}
