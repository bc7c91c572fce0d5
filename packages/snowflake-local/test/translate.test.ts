// The SQL rewrite layer on its own: tokens in, DuckDB text out.

import type { SessionFacts } from "../src/sql/sessionFacts";
import { tokenize } from "../src/sql/tokenize";
import { translate } from "../src/sql/translate";
import { splitStatements } from "../src/sql/splitStatements";
import { inlineBinds } from "../src/sql/binds";

const facts: SessionFacts = {
  database: "DB",
  schema: "PUBLIC",
  warehouse: null,
  role: null,
  user: "U",
  sessionId: "1",
  tempTables: new Set(["DB.PUBLIC.TMP"]),
};

/** Translated SQL with insignificant whitespace squeezed out, so tables compare meaning. */
const duck = (sql: string): string =>
  translate(tokenize(sql), facts)
    .replace(/\s+/g, " ")
    .replace(/\s*([(),])\s*/g, "$1");

describe("tokenizer", () => {
  test("keeps string literals and quoted identifiers intact while folding unquoted words", () => {
    expect(
      translate(tokenize(`select 'iff(a, b) -- not code', "MixedCase", lower_name from t`), facts),
    ).toBe(`SELECT 'iff(a, b) -- not code', "MixedCase", LOWER_NAME FROM T`);
  });

  test("quotes names with `$`, which DuckDB allows only quoted", () => {
    expect(duck("select a$b from system$t")).toBe('SELECT "A$B" FROM "SYSTEM$T"');
  });

  test("decodes Snowflake backslash escapes in string literals", () => {
    const [token] = tokenize(`'a\\'b\\\\N\\t'`);
    expect(token?.value).toBe("a'b\\N\t");
  });

  test("drops -- // and /* */ comments", () => {
    expect(duck("select 1 -- one\n, 2 // two\n, /* three */ 3")).toBe("SELECT 1,2,3");
  });

  test("splits statements only at top-level semicolons", () => {
    const parts = splitStatements(tokenize("select ';'; select (1);  ;"));
    expect(parts).toHaveLength(2);
  });

  test("inlines positional binds in order, as literals that cannot merge into comments", () => {
    const tokens = inlineBinds(tokenize("select ?, ? where x-? > 0"), [
      { type: "TEXT", value: "it's" },
      { type: "BOOLEAN", value: "true" },
      { type: "FIXED", value: "-1" },
    ]);
    expect(translate(tokens, facts)).toBe("SELECT 'it''s', TRUE WHERE X-(-1) > 0");
  });

  test("inlines numbered binds by number", () => {
    const tokens = inlineBinds(tokenize("select :2, :1, :2"), [
      { type: "REAL", value: "1.5" },
      { type: "TEXT", value: null },
    ]);
    expect(translate(tokens, facts)).toBe("SELECT NULL, CAST(1.5 AS DOUBLE), NULL");
  });
});

describe("rewrites", () => {
  test.each([
    ["bare date part in DATEADD", "dateadd(day, 1, d)", "SF_DATEADD_DATE('day',1,D)"],
    ["time part in DATEADD", "DATEADD(hours, -2, ts)", "SF_DATEADD_TIME('hour',-2,TS)"],
    ["DATEDIFF part", "datediff(month, a, b)", "date_diff('month',A,B)"],
    ["DATE_TRUNC part", "date_trunc(month, x)", "SF_DATE_TRUNC('month',X)"],
    ["quoted DATE_TRUNC part", "date_trunc('MM', x)", "SF_DATE_TRUNC('month',X)"],
    ["CURRENT_TIMESTAMP()", "current_timestamp()", "CURRENT_TIMESTAMP"],
    ["NUMBER(p,s) cast", "x::number(10,2)", "X::DECIMAL(10,2)"],
    ["bare NUMBER cast", "cast(x as number)", "CAST(X AS DECIMAL(38,0))"],
    ["TIMESTAMP_NTZ cast", "x::timestamp_ntz(9)", "X::TIMESTAMP"],
    ["VARIANT cast", "try_cast(x as variant)", "TRY_CAST(X AS JSON)"],
    ["TO_VARCHAR with format", "to_varchar(d, 'YYYY-MM')", "strftime(D,'%Y-%m')"],
    ["TO_DATE", "to_date(x)", "CAST(X AS DATE)"],
    [
      "DECODE",
      "decode(x, 1, 'a', 'b')",
      "CASE WHEN(X)IS NOT DISTINCT FROM(1)THEN 'a' ELSE 'b' END",
    ],
    [
      "LISTAGG WITHIN GROUP",
      "listagg(n, ',') within group (order by n)",
      "STRING_AGG(N,',' ORDER BY N)",
    ],
    [
      "information_schema",
      "select * from information_schema.tables",
      "SELECT * FROM SF_IS_TABLES('DB','DB','PUBLIC',CAST([{'n': 'TMP','d': 'DB','s': 'PUBLIC'}] AS STRUCT(n VARCHAR,d VARCHAR,s VARCHAR)[]))",
    ],
    [
      "qualified information_schema",
      "select * from other.information_schema.columns",
      "SELECT * FROM SF_IS_COLUMNS('OTHER','DB','PUBLIC',CAST([{'n': 'TMP','d': 'DB','s': 'PUBLIC'}] AS STRUCT(n VARCHAR,d VARCHAR,s VARCHAR)[]))",
    ],
    ["qualified temp table", "select * from db.public.tmp", 'SELECT * FROM temp.main."TMP"'],
  ])("%s", (_name, sql, expected) => {
    expect(duck(sql)).toBe(expected);
  });
});
