// DDL, DML, binds and result decoding through the real driver.

import { exec, execError } from "./driver";
import { useServer } from "./server";

const ctx = useServer(["CREATE DATABASE analytics"]);

describe("DDL", () => {
  test("CREATE OR REPLACE, TRANSIENT and TEMPORARY tables, CTAS, views, ALTER ADD COLUMN and DROP IF EXISTS work", async () => {
    const { conn } = ctx();
    await exec(
      conn,
      "create or replace transient table ddl_a (id number(38,0) not null primary key, name varchar(100))",
    );
    await exec(conn, "insert into ddl_a values (1, 'x'), (2, 'y')");
    await exec(
      conn,
      "create or replace table ddl_a2 as select id, upper(name) as name from ddl_a where id > 1",
    );
    await exec(conn, "create or replace view ddl_v as select count(*) as n from ddl_a");
    await exec(conn, "create temporary table ddl_tmp (id int)");
    await exec(conn, "alter table ddl_a add column created_at timestamp_ntz, score float");
    await exec(conn, "drop table if exists ddl_missing");
    const { rows } = await exec(
      conn,
      "select (select n from ddl_v) as n, (select name from ddl_a2) as name, (select count(*) from ddl_tmp) as t",
    );
    expect(rows).toEqual([{ N: 2, NAME: "Y", T: 0 }]);
    const cols = await exec(conn, "select created_at, score from ddl_a order by id");
    expect(cols.rows).toEqual([
      { CREATED_AT: null, SCORE: null },
      { CREATED_AT: null, SCORE: null },
    ]);
  });

  test("a temporary table created in another schema is found there by DESCRIBE and information_schema", async () => {
    const { conn } = ctx();
    await exec(conn, "create schema if not exists other");
    await exec(conn, "use schema public");
    await exec(
      conn,
      "create or replace temporary table analytics.other.tmp_elsewhere (id int, label varchar)",
    );
    const described = await exec(conn, "describe table analytics.other.tmp_elsewhere");
    expect(described.rows.map((r) => r.name)).toEqual(["ID", "LABEL"]);
    const listed = await exec(
      conn,
      "select table_schema, table_type from analytics.information_schema.tables where table_name = 'TMP_ELSEWHERE'",
    );
    expect(listed.rows).toEqual([{ TABLE_SCHEMA: "OTHER", TABLE_TYPE: "TEMPORARY TABLE" }]);
    await exec(conn, "drop table analytics.other.tmp_elsewhere");
  });

  test("DDL answers with Snowflake's status row", async () => {
    const { rows } = await exec(ctx().conn, "create table ddl_status (a int)");
    expect(rows).toEqual([{ status: "Table DDL_STATUS successfully created." }]);
    const dropped = await exec(ctx().conn, "drop table ddl_status");
    expect(dropped.rows).toEqual([{ status: "DDL_STATUS successfully dropped." }]);
  });

  test("LIKE, CLONE, columns with AS SELECT, INSERT OVERWRITE, RENAME and DROP COLUMN", async () => {
    const { conn } = ctx();
    await exec(conn, "create table src_t (id int, v string)");
    await exec(conn, "insert into src_t values (1, 'a'), (2, 'b')");
    await exec(conn, "create table like_t like src_t");
    await exec(conn, "create table clone_t clone src_t");
    await exec(
      conn,
      "create table typed_t (id number(10,0), v varchar(5)) as select id, v from src_t",
    );
    const overwrite = await exec(
      conn,
      "insert overwrite into clone_t select id * 10, v from src_t where id = 1",
    );
    expect(overwrite.rows).toEqual([{ "number of rows inserted": 1 }]);
    await exec(conn, "alter table typed_t rename column v to label");
    await exec(conn, "alter table typed_t drop column id");
    await exec(conn, "alter table like_t rename to like_renamed");
    await exec(conn, "truncate table if exists no_such_table");
    const { rows } = await exec(
      conn,
      "select (select count(*) from like_renamed) as l, (select count(*) from clone_t) as c, (select max(id) from clone_t) as m, (select listagg(label, ',') within group (order by label) from typed_t) as t",
    );
    expect(rows).toEqual([{ L: 0, C: 1, M: 10, T: "a,b" }]);
  });

  test("primary keys are not enforced, as in Snowflake", async () => {
    const { conn } = ctx();
    await exec(conn, "create table pk_t (id int primary key, v string unique)");
    await exec(conn, "insert into pk_t values (1, 'a'), (1, 'a')");
    expect((await exec(conn, "select count(*) as n from pk_t")).rows).toEqual([{ N: 2 }]);
  });
});

describe("DML counts", () => {
  test("INSERT, UPDATE and DELETE report Snowflake's count columns and getNumUpdatedRows()", async () => {
    const { conn } = ctx();
    await exec(conn, "create table dml_t (id int, v string)");
    const inserted = await exec(conn, "insert into dml_t values (1, 'a'), (2, 'b'), (3, 'c')");
    expect(inserted.rows).toEqual([{ "number of rows inserted": 3 }]);
    expect(inserted.stmt.getNumUpdatedRows()).toBe(3);
    const updated = await exec(conn, "update dml_t set v = 'z' where id >= 2");
    expect(updated.rows[0]?.["number of rows updated"]).toBe(2);
    expect(updated.stmt.getNumUpdatedRows()).toBe(2);
    const deleted = await exec(conn, "delete from dml_t where id = 1");
    expect(deleted.rows).toEqual([{ "number of rows deleted": 1 }]);
    expect(deleted.stmt.getNumUpdatedRows()).toBe(1);
  });

  test("SELECT reports no updated-row count", async () => {
    const { stmt } = await exec(ctx().conn, "select 1 as one");
    expect(stmt.getNumUpdatedRows()).toBe(-1);
  });

  test("MERGE splits its count into rows inserted and rows updated", async () => {
    const { conn } = ctx();
    await exec(conn, "create table m_target (id int, v string, updated_at timestamp_ntz)");
    await exec(
      conn,
      "insert into m_target values (1, 'old', '2024-01-01'), (2, 'old', '2024-01-01'), (3, 'keep', '2024-06-01')",
    );
    await exec(conn, "create table m_source (id int, v string, updated_at timestamp_ntz)");
    await exec(
      conn,
      "insert into m_source values (1, 'new', '2024-02-01'), (2, 'new', '2024-02-01'), (3, 'stale', '2024-01-01'), (4, 'ins', '2024-02-01'), (5, 'ins', '2024-02-01'), (6, 'ins', '2024-02-01')",
    );
    const merged = await exec(
      conn,
      `merge into m_target t using m_source s on t.id = s.id
       when matched and s.updated_at > t.updated_at then update set v = s.v, updated_at = s.updated_at
       when not matched then insert (id, v, updated_at) values (s.id, s.v, s.updated_at)`,
    );
    expect(merged.rows).toEqual([{ "number of rows inserted": 3, "number of rows updated": 2 }]);
    expect(merged.stmt.getNumUpdatedRows()).toBe(5);
    const { rows } = await exec(conn, "select id, v from m_target order by id");
    expect(rows.map((r) => r["V"])).toEqual(["new", "new", "keep", "ins", "ins", "ins"]);
  });

  test("MERGE with a deduplicated (QUALIFY) source and a DELETE clause", async () => {
    const { conn } = ctx();
    await exec(conn, "create table q_target (id int, v string)");
    await exec(conn, "insert into q_target values (1, 'a'), (2, 'b')");
    const merged = await exec(
      conn,
      `merge into q_target t using (
         select id, v, del from (select 1 as id, 'x' as v, false as del, 1 as seq union all select 1, 'y', false, 2
                                 union all select 2, 'gone', true, 1 union all select 9, 'new', false, 1)
         qualify row_number() over (partition by id order by seq desc) = 1
       ) s on t.id = s.id
       when matched and s.del then delete
       when matched then update set v = s.v
       when not matched then insert values (s.id, s.v)`,
    );
    expect(merged.rows).toEqual([
      { "number of rows inserted": 1, "number of rows updated": 1, "number of rows deleted": 1 },
    ]);
    expect((await exec(conn, "select id, v from q_target order by id")).rows).toEqual([
      { ID: 1, V: "y" },
      { ID: 9, V: "new" },
    ]);
  });

  test("MERGE where several source rows match one target row fails with 100090", async () => {
    const { conn } = ctx();
    await exec(conn, "create table d_target (id int, v string)");
    await exec(conn, "insert into d_target values (1, 'a')");
    const err = await execError(
      conn,
      "merge into d_target t using (select 1 as id, 'x' as v union all select 1, 'y') s on t.id = s.id when matched then update set v = s.v",
    );
    expect(err.code).toBe("100090");
    expect(err.message).toMatch(/Duplicate row detected during DML action/);
    expect((await exec(conn, "select v from d_target")).rows).toEqual([{ V: "a" }]);
  });
});

describe("binds", () => {
  test("positional ? and numbered :n binds of every JavaScript type", async () => {
    const { conn } = ctx();
    await exec(
      conn,
      "create table b_t (i int, f float, s string, b boolean, ts timestamp_ntz, n string)",
    );
    // The driver binds a Date as its ISO text, though its typings leave Date out of Bind.
    const when = new Date("2024-03-04T05:06:07.089Z") as unknown as string;
    await exec(conn, "insert into b_t values (?, ?, ?, ?, ?, ?)", [
      7,
      2.5,
      "it's",
      true,
      when,
      null,
    ]);
    const { rows } = await exec(conn, "select * from b_t where i = :1 and s = :2", [7, "it's"]);
    expect(rows).toHaveLength(1);
    const row = rows[0] ?? {};
    expect(row["I"]).toBe(7);
    expect(row["F"]).toBe(2.5);
    expect(row["S"]).toBe("it's");
    expect(row["B"]).toBe(true);
    expect((row["TS"] as Date).toISOString()).toBe("2024-03-04T05:06:07.089Z");
    expect(row["N"]).toBeNull();
  });

  test("array binds run once per row and report one total", async () => {
    const { conn } = ctx();
    await exec(conn, "create table ab_t (id int, v string)");
    const rows = Array.from({ length: 2500 }, (_, i) => [i, `v${i}`]);
    const { stmt } = await exec(conn, "insert into ab_t (id, v) values (?, ?)", rows);
    expect(stmt.getNumUpdatedRows()).toBe(2500);
    const upd = await exec(conn, "update ab_t set v = 'u' where id = ?", [[1], [2], [3]]);
    expect(upd.stmt.getNumUpdatedRows()).toBe(3);
    expect((await exec(conn, "select count(*) as n, sum(id) as s from ab_t")).rows).toEqual([
      { N: 2500, S: 3123750 },
    ]);
  });
});

describe("result decoding", () => {
  test("Snowflake types decode to JavaScript numbers, strings, booleans, Dates and objects", async () => {
    const { conn } = ctx();
    await exec(
      conn,
      `create table types_t (n number, n2 number(12,2), i integer, bi bigint, dec decimal(5,1), fl float, db double,
        vc varchar(10), st string, tx text, ch char(3), bo boolean, d date, ntz timestamp_ntz, ltz timestamp_ltz,
        tz timestamp_tz, ts timestamp, v variant)`,
    );
    await exec(
      conn,
      `insert into types_t select 42, 244468.26, -3, 9007199254740991, 1.5, 0.25, -1e10, 'vc', 'st', 'tx', 'abc', true,
        '2024-02-29', '2024-01-28 19:58:01.123456', '2024-01-28 19:58:01.123456+00', '2024-01-28 21:58:01+02:00',
        '1969-12-31 23:59:59.5', parse_json('{"a": [1, 2], "b": null}')`,
    );
    const { rows, stmt } = await exec(conn, "select * from types_t");
    expect(rows[0]).toEqual({
      N: 42,
      N2: 244468.26,
      I: -3,
      BI: 9007199254740991,
      DEC: 1.5,
      FL: 0.25,
      DB: -1e10,
      VC: "vc",
      ST: "st",
      TX: "tx",
      CH: "abc",
      BO: true,
      D: expect.any(Date),
      NTZ: expect.any(Date),
      LTZ: expect.any(Date),
      TZ: expect.any(Date),
      TS: expect.any(Date),
      V: { a: [1, 2], b: null },
    });
    const row = rows[0] ?? {};
    expect((row["D"] as Date).toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect((row["NTZ"] as Date).toISOString()).toBe("2024-01-28T19:58:01.123Z");
    expect((row["LTZ"] as Date).toISOString()).toBe("2024-01-28T19:58:01.123Z");
    expect((row["TZ"] as Date).toISOString()).toBe("2024-01-28T19:58:01.000Z");
    expect((row["TS"] as Date).toISOString()).toBe("1969-12-31T23:59:59.500Z");
    const types = Object.fromEntries(
      (stmt.getColumns() ?? []).map((c) => [c.getName(), c.getType()]),
    );
    expect(types).toMatchObject({
      N: "fixed",
      N2: "fixed",
      FL: "real",
      VC: "text",
      BO: "boolean",
      D: "date",
      NTZ: "timestamp_ntz",
      LTZ: "timestamp_ltz",
      V: "variant",
    });
    const n2 = stmt.getColumn("N2");
    expect([n2.getPrecision(), n2.getScale()]).toEqual([12, 2]);
  });

  test("fetchAsString formats numbers and dates with the session's output formats", async () => {
    const { rows } = await exec(
      ctx().conn,
      "select 1.50::number(5,2) as n, '2024-01-02'::date as d, '2024-01-02 03:04:05.678'::timestamp_ntz as t",
      undefined,
      { fetchAsString: ["Number", "Date"] },
    );
    expect(rows).toEqual([{ N: "1.50", D: "2024-01-02", T: "2024-01-02 03:04:05.678" }]);
  });

  test("unquoted names come back upper-case and quoted names keep their case", async () => {
    const { conn } = ctx();
    await exec(conn, `create table case_t (id int, "MixedCol" int, "lower" int)`);
    await exec(conn, `insert into case_t values (1, 2, 3)`);
    const { rows } = await exec(
      conn,
      `select id, "MixedCol", "lower", id as alias_x, count(*) from case_t group by all`,
    );
    expect(rows).toEqual([{ ID: 1, MixedCol: 2, lower: 3, ALIAS_X: 1, "COUNT(*)": 1 }]);
  });
});
