// Per-session transactions: each session has its own DuckDB connection.

import { exec, execError } from "./driver";
import { useServer } from "./server";

const ctx = useServer([
  "CREATE DATABASE tx",
  "CREATE TABLE accounts (id int not null, balance number(10,2))",
]);

test("an open transaction is invisible to other sessions until COMMIT", async () => {
  const { conn, connect } = ctx();
  const other = await connect({ database: "tx" });
  await exec(conn, "BEGIN TRANSACTION");
  await exec(conn, "insert into accounts values (1, 10)");
  expect((await exec(other, "select count(*) as n from accounts")).rows).toEqual([{ N: 0 }]);
  expect((await exec(conn, "select count(*) as n from accounts")).rows).toEqual([{ N: 1 }]);
  await exec(conn, "COMMIT");
  expect((await exec(other, "select count(*) as n from accounts")).rows).toEqual([{ N: 1 }]);
});

test("ROLLBACK discards the transaction's changes; START TRANSACTION and BEGIN both open one", async () => {
  const { conn } = ctx();
  await exec(conn, "start transaction");
  await exec(conn, "insert into accounts values (2, 20)");
  await exec(conn, "rollback");
  await exec(conn, "begin");
  await exec(conn, "update accounts set balance = 0");
  await exec(conn, "rollback");
  expect((await exec(conn, "select id, balance from accounts order by id")).rows).toEqual([
    { ID: 1, BALANCE: 10 },
  ]);
});

test("a failed statement leaves the transaction open for the client to roll back", async () => {
  const { conn } = ctx();
  await exec(conn, "begin");
  await exec(conn, "insert into accounts values (3, 30)");
  const err = await execError(conn, "insert into accounts values (null, 1)");
  expect(err.code).toBe("100072");
  await exec(conn, "rollback");
  expect((await exec(conn, "select count(*) as n from accounts where id = 3")).rows).toEqual([
    { N: 0 },
  ]);
});

test("COMMIT after a failed statement rolls back and says so, instead of committing silently", async () => {
  const { conn } = ctx();
  await exec(conn, "begin");
  await exec(conn, "insert into accounts values (4, 40)");
  await execError(conn, "insert into accounts values (null, 1)");
  const err = await execError(conn, "commit");
  expect(err.code).toBe("000625");
  expect((await exec(conn, "select count(*) as n from accounts where id = 4")).rows).toEqual([
    { N: 0 },
  ]);
});

test("BEGIN inside a transaction is ignored, and COMMIT or ROLLBACK outside one succeed", async () => {
  const { conn } = ctx();
  await exec(conn, "commit");
  await exec(conn, "rollback");
  await exec(conn, "begin");
  await exec(conn, "begin");
  await exec(conn, "insert into accounts values (5, 50)");
  await exec(conn, "commit");
  expect((await exec(conn, "select count(*) as n from accounts where id = 5")).rows).toEqual([
    { N: 1 },
  ]);
});

test("DDL commits an open transaction first, as Snowflake's DDL does", async () => {
  const { conn } = ctx();
  await exec(conn, "begin");
  await exec(conn, "insert into accounts values (6, 60)");
  await exec(conn, "create table tx_side (a int)");
  await exec(conn, "rollback");
  expect((await exec(conn, "select count(*) as n from accounts where id = 6")).rows).toEqual([
    { N: 1 },
  ]);
});

test("ALTER SESSION is accepted; TIMEZONE changes the session's time zone", async () => {
  const { connect } = ctx();
  const conn = await connect({ database: "tx" });
  await exec(conn, "alter session set query_tag = 'etl', statement_timeout_in_seconds = 60");
  await exec(conn, "alter session set timezone = 'America/Sao_Paulo'");
  const { rows } = await exec(
    conn,
    "select '2024-01-01 12:00:00'::timestamp_ltz as t, current_setting('TimeZone') as tz",
  );
  expect(rows[0]?.["TZ"]).toBe("America/Sao_Paulo");
  expect((rows[0]?.["T"] as Date).toISOString()).toBe("2024-01-01T15:00:00.000Z");
  await exec(conn, "alter session unset timezone");
  expect((await exec(conn, "select current_setting('TimeZone') as tz")).rows).toEqual([
    { TZ: "UTC" },
  ]);
});
