// DuckDB macros for Snowflake functions that are plain expressions. They are TEMP macros,
// created on every session's connection, so they never land in a database file, and views
// that call them still resolve from any session.

const INTERVAL_FOR_PART = `CASE p
  WHEN 'year' THEN to_years(CAST(n AS INTEGER))
  WHEN 'quarter' THEN to_months(CAST(n AS INTEGER) * 3)
  WHEN 'month' THEN to_months(CAST(n AS INTEGER))
  WHEN 'week' THEN to_weeks(CAST(n AS INTEGER))
  WHEN 'day' THEN to_days(CAST(n AS INTEGER))
  WHEN 'hour' THEN to_hours(CAST(n AS BIGINT))
  WHEN 'minute' THEN to_minutes(CAST(n AS BIGINT))
  WHEN 'second' THEN to_seconds(CAST(n AS DOUBLE))
  WHEN 'millisecond' THEN to_milliseconds(CAST(n AS DOUBLE))
  WHEN 'microsecond' THEN to_microseconds(CAST(n AS BIGINT))
  WHEN 'nanosecond' THEN to_microseconds(CAST(n / 1000 AS BIGINT))
  ELSE error('unsupported date part ' || p) END`;

/** Alphanumerics start a word unless preceded by another alphanumeric, as INITCAP's default. */
const INITCAP = `array_to_string(list_transform(range(1, length(s) + 1), i ->
  CASE WHEN i = 1 OR NOT regexp_matches(substr(s, i - 1, 1), '[[:alnum:]]')
  THEN upper(substr(s, i, 1)) ELSE lower(substr(s, i, 1)) END), '')`;

/** One `CREATE OR REPLACE TEMP MACRO` statement per Snowflake function. */
export const SNOWFLAKE_MACROS: readonly string[] = [
  `IFF(c, a, b) AS CASE WHEN c THEN a ELSE b END`,
  `NVL(a, b) AS COALESCE(a, b)`,
  `NVL2(a, b, c) AS CASE WHEN a IS NOT NULL THEN b ELSE c END`,
  `ZEROIFNULL(a) AS COALESCE(a, 0)`,
  `NULLIFZERO(a) AS NULLIF(a, 0)`,
  `DIV0(a, b) AS CASE WHEN b = 0 THEN 0 ELSE a / b END`,
  `DIV0NULL(a, b) AS CASE WHEN b = 0 OR b IS NULL THEN 0 ELSE a / b END`,
  `EQUAL_NULL(a, b) AS a IS NOT DISTINCT FROM b`,
  `STARTSWITH(s, p) AS starts_with(s, p)`,
  `ENDSWITH(s, p) AS ends_with(s, p)`,
  `CHARINDEX(needle, haystack) AS strpos(haystack, needle),
    (needle, haystack, start) AS CASE WHEN strpos(substr(haystack, start), needle) = 0 THEN 0
      ELSE strpos(substr(haystack, start), needle) + start - 1 END`,
  `UUID_STRING() AS CAST(uuid() AS VARCHAR)`,
  `SYSDATE() AS CAST(timezone('UTC', current_timestamp) AS TIMESTAMP)`,
  `INITCAP(s) AS ${INITCAP}`,
  // Date-level parts keep a DATE a DATE, as Snowflake does; time-level parts make it a TIMESTAMP.
  `SF_DATEADD_DATE(p, n, x DATE) AS CAST(x + ${INTERVAL_FOR_PART} AS DATE),
    (p, n, x TIMESTAMP) AS x + ${INTERVAL_FOR_PART},
    (p, n, x TIMESTAMPTZ) AS x + ${INTERVAL_FOR_PART},
    (p, n, x VARCHAR) AS CAST(x AS TIMESTAMP) + ${INTERVAL_FOR_PART}`,
  `SF_DATEADD_TIME(p, n, x DATE) AS CAST(x AS TIMESTAMP) + ${INTERVAL_FOR_PART},
    (p, n, x TIMESTAMP) AS x + ${INTERVAL_FOR_PART},
    (p, n, x TIMESTAMPTZ) AS x + ${INTERVAL_FOR_PART},
    (p, n, x TIME) AS x + ${INTERVAL_FOR_PART},
    (p, n, x VARCHAR) AS CAST(x AS TIMESTAMP) + ${INTERVAL_FOR_PART}`,
  `SF_DATE_TRUNC(p, x DATE) AS CAST(date_trunc(p, x) AS DATE),
    (p, x TIMESTAMP) AS date_trunc(p, x),
    (p, x TIMESTAMPTZ) AS date_trunc(p, x),
    (p, x VARCHAR) AS date_trunc(p, CAST(x AS TIMESTAMP))`,
  // Two arguments: the wall-clock time in the target zone (see README on CONVERT_TIMEZONE).
  `CONVERT_TIMEZONE(target, x) AS timezone(target, CAST(x AS TIMESTAMPTZ)),
    (source, target, x) AS timezone(target, timezone(source, CAST(x AS TIMESTAMP)))`,
].map((body) => `CREATE OR REPLACE TEMP MACRO ${body}`);
