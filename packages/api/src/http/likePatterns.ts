// Airflow's `*_pattern` query parameters (its _SearchParam): a case-insensitive substring match
// (ILIKE `%term%`, bound, so `%` and `_` keep their LIKE meaning and nothing else is special);
// `~` stands for everything and `a | b` matches either term.

/** The ILIKE patterns a `*_pattern` value stands for (any of them matches); null when not given. */
export function likePatterns(value: string | undefined): string[] | null {
  if (value === undefined) return null;
  const text = value === "~" ? "%" : value;
  const terms = text
    .split("|")
    .map((term) => term.trim())
    .filter((term) => term !== "");
  return (terms.length > 1 ? terms : [text]).map((term) => `%${term}%`);
}
