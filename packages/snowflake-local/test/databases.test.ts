// Databases (DuckDB files under dataDir), schemas, USE, CURRENT_*() and name resolution.

import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startLocalSnowflake } from "../src";
import { connect, destroy, exec, execError } from "./driver";
import { useServer } from "./server";

const ctx = useServer();

test("CREATE DATABASE makes it current with schema PUBLIC; CREATE SCHEMA makes that current", async () => {
  const { conn } = ctx();
  expect((await exec(conn, "select current_database() as d, current_schema() as s")).rows).toEqual([
    { D: null, S: null },
  ]);
  await exec(conn, "create database if not exists sales");
  expect((await exec(conn, "select current_database() as d, current_schema() as s")).rows).toEqual([
    { D: "SALES", S: "PUBLIC" },
  ]);
  await exec(conn, "create schema if not exists staging");
  expect((await exec(conn, "select current_database() as d, current_schema() as s")).rows).toEqual([
    { D: "SALES", S: "STAGING" },
  ]);
  const again = await exec(conn, "create database if not exists sales");
  expect(again.rows).toEqual([{ status: "SALES already exists, statement succeeded." }]);
});

test("USE DATABASE and USE SCHEMA switch where unqualified names resolve", async () => {
  const { conn } = ctx();
  await exec(conn, "create database if not exists hr");
  await exec(conn, "create schema if not exists hr.people");
  await exec(conn, "use database hr");
  await exec(conn, "create table t (id int)");
  await exec(conn, "insert into t values (1)");
  await exec(conn, "use schema people");
  await exec(conn, "create table t (id int)");
  await exec(conn, "insert into t values (2), (3)");
  expect((await exec(conn, "select current_database() as d, current_schema() as s")).rows).toEqual([
    { D: "HR", S: "PEOPLE" },
  ]);
  expect((await exec(conn, "select count(*) as n from t")).rows).toEqual([{ N: 2 }]);
  expect((await exec(conn, "select count(*) as n from public.t")).rows).toEqual([{ N: 1 }]);
  await exec(conn, "use hr.public");
  expect((await exec(conn, "select count(*) as n from t")).rows).toEqual([{ N: 1 }]);
  await exec(conn, "use database sales");
  expect((await exec(conn, "select count(*) as n from hr.people.t")).rows).toEqual([{ N: 2 }]);
  const err = await execError(conn, "use database nowhere");
  expect(err.code).toBe("002003");
});

test("the login's database and schema become the session's current ones", async () => {
  const { connect } = ctx();
  const conn = await connect({
    database: "hr",
    schema: "people",
    warehouse: "wh",
    role: "sysadmin",
  });
  const { rows } = await exec(
    conn,
    "select current_database() as d, current_schema() as s, current_warehouse() as w, current_role() as r",
  );
  expect(rows).toEqual([{ D: "HR", S: "PEOPLE", W: "WH", R: "SYSADMIN" }]);
  const nowhere = await connect({ database: "not_there" });
  expect((await exec(nowhere, "select current_database() as d")).rows).toEqual([{ D: null }]);
});

test("unquoted identifiers fold to upper case in the catalog; quoted ones keep their case", async () => {
  const { conn } = ctx();
  await exec(conn, "use sales.public");
  await exec(conn, `create table folded (id int, "camelCase" int)`);
  const { rows } = await exec(
    conn,
    "select table_name, column_name from information_schema.columns where table_name = 'FOLDED' order by ordinal_position",
  );
  expect(rows).toEqual([
    { TABLE_NAME: "FOLDED", COLUMN_NAME: "ID" },
    { TABLE_NAME: "FOLDED", COLUMN_NAME: "camelCase" },
  ]);
});

test("DROP SCHEMA and DROP DATABASE remove them (and the database file)", async () => {
  const { conn } = ctx();
  await exec(conn, "create database scratch");
  await exec(conn, "create schema scratch.tmp");
  expect((await exec(conn, "drop schema scratch.tmp")).rows).toEqual([
    { status: "TMP successfully dropped." },
  ]);
  expect((await exec(conn, "drop database scratch")).rows).toEqual([
    { status: "SCRATCH successfully dropped." },
  ]);
  expect((await exec(conn, "select current_database() as d")).rows).toEqual([{ D: null }]);
  expect((await execError(conn, "drop database scratch")).code).toBe("002003");
  await exec(conn, "drop database if exists scratch");
});

test("each database is a DuckDB file under dataDir, and survives a restart with the same dataDir", async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "sfl-persist-"));
  try {
    const first = await startLocalSnowflake({ dataDir });
    const c1 = await connect(first);
    await exec(c1, "create database keep");
    await exec(c1, "create table keep.public.kept (v string)");
    await exec(c1, "insert into keep.public.kept values ('still here')");
    await destroy(c1);
    await first.stop();
    expect(existsSync(path.join(dataDir, "databases", "KEEP.duckdb"))).toBe(true);
    const second = await startLocalSnowflake({ dataDir });
    const c2 = await connect(second, { database: "keep" });
    expect((await exec(c2, "select v from kept")).rows).toEqual([{ V: "still here" }]);
    await destroy(c2);
    await second.stop();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
