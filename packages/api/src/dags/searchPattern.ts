// Airflow's `*_pattern` query parameters: an SQL LIKE expression matched anywhere in the value,
// case-insensitively (`%term%` with ILIKE); `~` means everything; `a | b` matches either term.
// The patterns are bound parameters, so `%` and `_` are wildcards and nothing else is special.

/** The ILIKE patterns a `*_pattern` value stands for, or null when it was not given. */
export function likePatterns(value: string | undefined): string[] | null {
  if (value === undefined) return null;
  const text = value === "~" ? "%" : value;
  if (text.includes("|")) {
    const terms = text
      .split("|")
      .map((term) => term.trim())
      .filter((term) => term !== "");
    if (terms.length > 1) return terms.map((term) => `%${term}%`);
  }
  return [`%${text}%`];
}
