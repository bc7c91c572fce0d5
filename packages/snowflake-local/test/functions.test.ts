// The Snowflake functions the dealership SQL uses, and INFORMATION_SCHEMA / SHOW.

import { exec } from "./driver";
import { useServer } from "./server";

const ctx = useServer([
  "CREATE DATABASE dealer",
  "CREATE TABLE sales (id int, seller string, amount number(10,2), sold_at timestamp_ntz, sold_on date)",
  `INSERT INTO sales VALUES
    (1, 'ana maria', 100.00, '2024-01-31 23:30:00', '2024-01-31'),
    (2, 'BOB', NULL, '2024-02-01 02:00:00', '2024-02-01'),
    (3, 'ana maria', 50.50, '2024-02-15 12:00:00', '2024-02-15')`,
]);

const one = async (sql: string): Promise<Record<string, unknown>> => {
  const { rows } = await exec(ctx().conn, sql);
  return rows[0] ?? {};
};
const iso = (v: unknown): string => (v as Date).toISOString();

test("IFF, NVL, NVL2, ZEROIFNULL, DIV0 and DECODE", async () => {
  expect(
    await one(`select iff(1 < 2, 'y', 'n') as a, nvl(null, 'x') as b, nvl2(null, 'set', 'unset') as c,
      zeroifnull(null) as d, div0(10, 0) as e, div0(9, 3) as f, decode(2, 1, 'one', 2, 'two', 'other') as g`),
  ).toEqual({ A: "y", B: "x", C: "unset", D: 0, E: 0, F: 3, G: "two" });
});

test("TO_VARCHAR, TO_DATE and :: casts", async () => {
  expect(
    await one(`select to_varchar(42) as a, to_varchar('2024-03-05'::date, 'DD/MM/YYYY') as b,
      to_date('2024-03-05') as c, '12.345'::number(10,2) as d, 7::varchar as e`),
  ).toEqual({ A: "42", B: "05/03/2024", C: expect.any(Date), D: 12.35, E: "7" });
});

test("DATEADD, DATEDIFF and DATE_TRUNC take bare date parts, and keep dates dates", async () => {
  const row =
    await one(`select dateadd(day, 1, sold_on) as next_day, dateadd(month, 1, sold_on) as next_month,
      dateadd(hour, 2, sold_at) as later, datediff(day, sold_on, '2024-03-01'::date) as days_left,
      date_trunc(month, sold_on) as month_start, date_trunc('hour', sold_at) as hour_start
    from sales where id = 1`);
  expect(iso(row["NEXT_DAY"])).toBe("2024-02-01T00:00:00.000Z");
  expect(iso(row["NEXT_MONTH"])).toBe("2024-02-29T00:00:00.000Z");
  expect(iso(row["LATER"])).toBe("2024-02-01T01:30:00.000Z");
  expect(row["DAYS_LEFT"]).toBe(30);
  expect(iso(row["MONTH_START"])).toBe("2024-01-01T00:00:00.000Z");
  expect(iso(row["HOUR_START"])).toBe("2024-01-31T23:00:00.000Z");
  const { stmt } = await exec(
    ctx().conn,
    "select dateadd(day, 1, sold_on) as d, date_trunc(month, sold_on) as m from sales",
  );
  expect((stmt.getColumns() ?? []).map((c) => c.getType())).toEqual(["date", "date"]);
});

test("CURRENT_TIMESTAMP(), SYSDATE() and CONVERT_TIMEZONE with two and three arguments", async () => {
  const before = Date.now();
  const row = await one(`select current_timestamp() as now_ltz, sysdate() as now_ntz,
      convert_timezone('America/Sao_Paulo', '2024-01-28 12:00:00'::timestamp_ntz) as sp_wall_clock,
      convert_timezone('UTC', 'America/Sao_Paulo', '2024-01-28 12:00:00'::timestamp_ntz) as utc_to_sp,
      convert_timezone('America/Sao_Paulo', '2024-01-28 01:00:00'::timestamp_ntz)::date as sp_date`);
  for (const key of ["NOW_LTZ", "NOW_NTZ"]) {
    expect(Math.abs((row[key] as Date).getTime() - before)).toBeLessThan(60_000);
  }
  expect(iso(row["SP_WALL_CLOCK"])).toBe("2024-01-28T09:00:00.000Z");
  expect(iso(row["UTC_TO_SP"])).toBe("2024-01-28T09:00:00.000Z");
  expect(iso(row["SP_DATE"])).toBe("2024-01-27T00:00:00.000Z");
});

test("INITCAP, QUALIFY and LISTAGG ... WITHIN GROUP", async () => {
  const { rows } = await exec(
    ctx().conn,
    `select initcap(seller) as seller, zeroifnull(amount) as amount from sales
     qualify row_number() over (partition by seller order by sold_at desc) = 1 order by seller`,
  );
  expect(rows).toEqual([
    { SELLER: "Ana Maria", AMOUNT: 50.5 },
    { SELLER: "Bob", AMOUNT: 0 },
  ]);
  expect(
    await one("select listagg(id, ',') within group (order by id desc) as ids from sales"),
  ).toEqual({ IDS: "3,2,1" });
});

test("INFORMATION_SCHEMA.TABLES and .COLUMNS answer with Snowflake's names and types", async () => {
  const { conn } = ctx();
  const exists = await exec(
    conn,
    "select count(*) as n from information_schema.tables where table_schema = 'PUBLIC' and upper(table_name) = upper('sales')",
  );
  expect(exists.rows).toEqual([{ N: 1 }]);
  const cols = await exec(
    conn,
    `select column_name, data_type, numeric_precision, numeric_scale, is_nullable
     from dealer.information_schema.columns where table_name = 'SALES' order by ordinal_position`,
  );
  expect(cols.rows).toEqual([
    {
      COLUMN_NAME: "ID",
      DATA_TYPE: "NUMBER",
      NUMERIC_PRECISION: 38,
      NUMERIC_SCALE: 0,
      IS_NULLABLE: "YES",
    },
    {
      COLUMN_NAME: "SELLER",
      DATA_TYPE: "TEXT",
      NUMERIC_PRECISION: null,
      NUMERIC_SCALE: null,
      IS_NULLABLE: "YES",
    },
    {
      COLUMN_NAME: "AMOUNT",
      DATA_TYPE: "NUMBER",
      NUMERIC_PRECISION: 10,
      NUMERIC_SCALE: 2,
      IS_NULLABLE: "YES",
    },
    {
      COLUMN_NAME: "SOLD_AT",
      DATA_TYPE: "TIMESTAMP_NTZ",
      NUMERIC_PRECISION: null,
      NUMERIC_SCALE: null,
      IS_NULLABLE: "YES",
    },
    {
      COLUMN_NAME: "SOLD_ON",
      DATA_TYPE: "DATE",
      NUMERIC_PRECISION: null,
      NUMERIC_SCALE: null,
      IS_NULLABLE: "YES",
    },
  ]);
});

test("SHOW TABLES and DESCRIBE TABLE", async () => {
  const { conn } = ctx();
  await exec(conn, "create temporary table scratch_t (a int)");
  const shown = await exec(conn, "show tables like '%s%' in schema dealer.public");
  expect(shown.rows.map((r) => [r["name"], r["kind"]])).toEqual([
    ["SALES", "TABLE"],
    ["SCRATCH_T", "TEMPORARY"],
  ]);
  const described = await exec(conn, "describe table sales");
  expect(described.rows.map((r) => [r["name"], r["type"]])).toEqual([
    ["ID", "NUMBER(38,0)"],
    ["SELLER", "VARCHAR(16777216)"],
    ["AMOUNT", "NUMBER(10,2)"],
    ["SOLD_AT", "TIMESTAMP_NTZ(9)"],
    ["SOLD_ON", "DATE"],
  ]);
});

test("format-string conversions, TRY_ casts, JSON constructors and the smaller helpers", async () => {
  const row = await one(`select to_timestamp('05/03/2024 10:11', 'DD/MM/YYYY HH24:MI') as ts,
      try_to_number('x1') as bad, to_number('12.5', 10, 1) as num, object_construct('a', 1, 'b', 'x') as obj,
      array_construct(1, 2) as arr, equal_null(null, null) as eq, charindex('b', 'abcb', 3) as ci,
      startswith('hello', 'he') as sw, length(uuid_string()) as uuid_len, last_day('2024-02-10'::date, month) as ld,
      last_day('2024-02-10'::date, year) as ly, array_agg(x) within group (order by x desc) as agg
    from (select 1 as x union all select 2)`);
  expect(iso(row["TS"])).toBe("2024-03-05T10:11:00.000Z");
  expect(row).toMatchObject({
    BAD: null,
    NUM: 12.5,
    OBJ: { a: 1, b: "x" },
    ARR: [1, 2],
    EQ: true,
    CI: 4,
    SW: true,
    UUID_LEN: 36,
    AGG: [2, 1],
  });
  expect(iso(row["LD"])).toBe("2024-02-29T00:00:00.000Z");
  expect(iso(row["LY"])).toBe("2024-12-31T00:00:00.000Z");
});

test("SHOW DATABASES, SCHEMAS, VIEWS and COLUMNS", async () => {
  const { conn } = ctx();
  await exec(conn, "create or replace view sales_v as select id from sales");
  const dbs = await exec(conn, "show databases");
  expect(dbs.rows.map((r) => [r["name"], r["is_current"]])).toEqual([["DEALER", "Y"]]);
  const schemas = await exec(conn, "show schemas in database dealer");
  expect(schemas.rows.map((r) => r["name"])).toEqual(["PUBLIC"]);
  const views = await exec(conn, "show views");
  expect(views.rows.map((r) => r["name"])).toEqual(["SALES_V"]);
  const columns = await exec(conn, "show columns in table sales_v");
  expect(columns.rows.map((r) => [r["column_name"], r["data_type"]])).toEqual([["ID", "NUMBER"]]);
});
