// SQL errors reach the driver as Snowflake's: HTTP 200, success false, a 6-digit code, SQLSTATE.

import { exec, execError } from "./driver";
import { useServer } from "./server";

const ctx = useServer(["CREATE DATABASE errs", "CREATE TABLE t (id int not null, name string)"]);

test.each([
  [
    "a missing table",
    "select * from no_such_table",
    "002003",
    "42S02",
    /Object 'NO_SUCH_TABLE' does not exist/,
  ],
  [
    "a missing database in a qualified name",
    "select * from nodb.public.t",
    "002003",
    "42S02",
    /does not exist/,
  ],
  ["a syntax error", "selec 1", "001003", "42000", /syntax error/],
  [
    "an unknown column",
    "select no_such_column from t",
    "000904",
    "42000",
    /invalid identifier 'NO_SUCH_COLUMN'/,
  ],
  [
    "NULL into a NOT NULL column",
    "insert into t values (null, 'x')",
    "100072",
    "22000",
    /NULL result in a non-nullable column/,
  ],
  ["a value that does not convert", "select 'abc'::int", "100038", "22018", /abc/],
  [
    "an unsupported statement",
    "call my_proc()",
    "001003",
    "42000",
    /not supported by snowflake-local/,
  ],
  ["a missing bind value", "select ?", "002049", "42601", /Bind variable \? not set/],
])("%s is error %s with SQLSTATE %s", async (_what, sql, code, sqlState, message) => {
  const err = await execError(ctx().conn, sql);
  expect(err.code).toBe(code);
  expect(err.sqlState).toBe(sqlState);
  expect(err.message).toMatch(message);
  expect(err.data?.["queryId"]).toEqual(expect.any(String));
});

test("several statements in one request need MULTI_STATEMENT_COUNT", async () => {
  const { conn } = ctx();
  const err = await execError(conn, "select 1; select 2");
  expect(err.code).toBe("000008");
  const { rows } = await exec(
    conn,
    "insert into t values (1, 'a'); select count(*) as n from t",
    undefined,
    {
      parameters: { MULTI_STATEMENT_COUNT: 2 },
    },
  );
  expect(rows).toEqual([{ N: 1 }]);
});

test("the session stays usable after an error", async () => {
  const { conn } = ctx();
  await execError(conn, "select * from nowhere");
  expect((await exec(conn, "select 1 as ok")).rows).toEqual([{ OK: 1 }]);
});
