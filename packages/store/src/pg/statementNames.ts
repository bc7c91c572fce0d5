// Names for prepared statements. node-postgres prepares a named statement once per connection
// and then only binds and executes it, so Postgres parses and plans it once instead of on every
// call: the scheduler's statements are small and frequent, and planning them cost as much as
// running them (0.3–2 ms each under load, several per pass).
import { createHash } from "node:crypto";

/** Distinct statement texts given a name; beyond that (dynamic SQL), statements go unnamed. */
const MAX_NAMED = 1000;
const names = new Map<string, string>();

/** A stable name for a statement text, or undefined once MAX_NAMED texts have one. */
export function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) {
    name = `updraft_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}
