// Airflow's `*_pattern` query parameters: an SQL LIKE expression matched anywhere in the value,
// case-insensitively (`%term%` with ILIKE); `~` matches everything; `a | b` matches either term.
// The patterns are bound parameters, so `%` and `_` are wildcards and nothing else is special.

/** The ILIKE patterns a `*_pattern` value stands for, or undefined when it was not given. */
export function likePatterns(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const text = value === "~" ? "%" : value;
  const terms = text
    .split("|")
    .map((term) => term.trim())
    .filter((term) => term !== "");
  return (terms.length > 1 ? terms : [text]).map((term) => `%${term}%`);
}
