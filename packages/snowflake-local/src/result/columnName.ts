// Result column names as Snowflake reports them. Columns of tables and aliases already come back
// upper-case (unquoted identifiers were folded); what DuckDB invents for an unaliased expression is
// upper-cased, with DuckDB's spellings of common calls turned back into Snowflake's.

const DUCKDB_SPELLINGS: Readonly<Record<string, string>> = {
  "count_star()": "COUNT(*)",
  current_timestamp: "CURRENT_TIMESTAMP()",
  current_date: "CURRENT_DATE()",
};

/** The Snowflake name for a DuckDB result column name. */
export function snowflakeColumnName(duckName: string): string {
  const known = DUCKDB_SPELLINGS[duckName];
  if (known !== undefined) return known;
  return /^[A-Za-z_][A-Za-z0-9_$]*$/.test(duckName) ? duckName : duckName.toUpperCase();
}
