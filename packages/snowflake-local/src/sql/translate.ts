// The rewrite pipeline from Snowflake SQL tokens to DuckDB SQL text, for statements DuckDB runs
// as they are once names, types and functions are translated.

import { emit } from "./emit";
import { rewriteCalls } from "./functions";
import { resolveNames } from "./resolveNames";
import type { SessionFacts } from "./sessionFacts";
import type { Token } from "./tokenize";
import { rewriteCastTypes } from "./types";

/** Tokens after the name, type and function rewrites (still tokens, for further editing). */
function translateTokens(tokens: readonly Token[], facts: SessionFacts): Token[] {
  return rewriteCalls(rewriteCastTypes(resolveNames(tokens, facts)), facts);
}

/** DuckDB SQL for a Snowflake expression or statement. */
export function translate(tokens: readonly Token[], facts: SessionFacts): string {
  return emit(translateTokens(tokens, facts)).trim();
}
