// Prepared statements for the scheduler's hot path. node-postgres prepares a named statement
// once per connection and from then on only binds and executes it; after five executions
// Postgres may also switch it to a generic plan, planned once. The scheduler and the worker run a
// dozen small statements per pass and per batch, and planning them cost about as much as running
// them (0.3–2 ms each under load), so those are declared with `prepared()`.
//
// Only statements whose best plan does not depend on their parameters' values belong here: a
// statement taking an array whose length ranges from 1 to 10,000 (unnest($n::text[])) gets its
// row estimate from the actual array in a custom plan, and a generic plan fixed after five small
// calls made a 5,000-key update ten times slower. Those stay unnamed.
import { createHash } from "node:crypto";

const names = new Map<string, string>();

/** Declares `text` a prepared statement (on Postgres; PGlite runs it as any other) and returns it. */
export function prepared(text: string): string {
  if (!names.has(text))
    names.set(text, `updraft_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`);
  return text;
}

/** The statement name of a text declared with `prepared()`, else undefined. */
export function statementName(text: string): string | undefined {
  return names.get(text);
}
