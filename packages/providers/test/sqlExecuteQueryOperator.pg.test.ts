// SQLExecuteQueryOperator through each hook: templated SQL with bound values on Postgres, DuckDB
// and Snowflake (the real snowflake-sdk against the local protocol server); rows come back as
// JSON-ready lists; a bad connection type is refused naming it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type LocalSnowflake, startLocalSnowflake } from "@updraft/snowflake-local";
import { Connection, dag, parseConnection } from "@updraft/sdk";
import { fakeTaskRun } from "@updraft/sdk/testing";
import { createTestDatabase, type TestDatabase } from "@updraft/testing";
import { SQLExecuteQueryOperator } from "../src";

let db: TestDatabase;
let server: LocalSnowflake;
let dir: string;
let connections: Record<string, Connection>;

beforeAll(async () => {
  db = await createTestDatabase({ templateKey: "providers_empty_v1", prepare: async () => {} });
  server = await startLocalSnowflake();
  dir = mkdtempSync(path.join(tmpdir(), "updraft-sql-op-"));
  connections = {
    pg: parseConnection("pg", db.url),
    duck: new Connection({
      conn_id: "duck",
      conn_type: "duckdb",
      host: path.join(dir, "w.duckdb"),
    }),
    sf: new Connection({
      conn_id: "sf",
      conn_type: "snowflake",
      host: "local",
      login: "u",
      password: "p",
      extra: { access_url: server.accessUrl },
    }),
    mysql: new Connection({ conn_id: "mysql", conn_type: "mysql", host: "db" }),
  };
});
afterAll(async () => {
  await server.stop();
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

const sqlDag = dag({ dagId: "sql_ops", schedule: null, startDate: "2026-01-01" }, () => {
  new SQLExecuteQueryOperator({
    taskId: "pg_setup",
    connId: "pg",
    sql: ["create table if not exists t (d date, n int)", "insert into t values ('{{ ds }}', 7)"],
  });
  new SQLExecuteQueryOperator({
    taskId: "pg",
    connId: "pg",
    sql: "select d::text, n from t where n = $1",
    parameters: [7],
  });
  new SQLExecuteQueryOperator({
    taskId: "duck",
    connId: "duck",
    sql: "select '{{ ds }}'::date as d, $1::bigint + 1 as n",
    parameters: [41],
  });
  new SQLExecuteQueryOperator({
    taskId: "sf",
    connId: "sf",
    sql: "select ? as A, 2 as B",
    parameters: ["x"],
    returnLast: false,
  });
  new SQLExecuteQueryOperator({ taskId: "mysql", connId: "mysql", sql: "select 1" });
});

test("runs templated SQL with bound values on Postgres, DuckDB and Snowflake", async () => {
  const run = fakeTaskRun({
    dagId: "sql_ops",
    connections,
    logicalDate: new Date("2026-03-04T00:00:00Z"),
  });
  expect((await run.run(sqlDag.task("pg_setup"))).returnValue).toEqual([]);
  expect((await run.run(sqlDag.task("pg"))).returnValue).toEqual([["2026-03-04", 7]]);
  expect((await run.run(sqlDag.task("duck"))).returnValue).toEqual([
    ["2026-03-04T00:00:00.000Z", 42],
  ]);
  expect((await run.run(sqlDag.task("sf"))).returnValue).toEqual([[["x", 2]]]);
});

test("a connection type without a SQL hook is refused, naming it", async () => {
  const run = fakeTaskRun({ dagId: "sql_ops", connections });
  await expect(run.run(sqlDag.task("mysql"))).rejects.toThrow(
    'connection "mysql": expected conn_type postgres, snowflake or duckdb, got "mysql"',
  );
});
