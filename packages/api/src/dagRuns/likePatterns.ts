// Airflow's `*_pattern` query parameters (its _SearchParam): a case-insensitive substring match
// where `%` and `_` keep their LIKE meaning, `~` stands for everything, and `a | b` matches
// either term.

/** The ILIKE patterns a `*_pattern` value stands for (any of them matches). */
export function likePatterns(value: string): string[] {
  const text = value === "~" ? "%" : value;
  const terms = text
    .split("|")
    .map((term) => term.trim())
    .filter((term) => term !== "");
  return terms.length > 1 ? terms.map((term) => `%${term}%`) : [`%${text}%`];
}
