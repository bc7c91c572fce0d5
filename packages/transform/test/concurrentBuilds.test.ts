// Tasks of a transform DAG build side by side in one worker process, each on its own DuckDB
// connection to the same database file: models landing in a schema that does not exist yet must
// not trip over each other creating it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Connection } from "@updraft/sdk";
import { buildModel, compileProject, loadProject, openWarehouse } from "../src";
import { writeProject } from "./support/writeProject";

test("models built at once on separate connections to one DuckDB file all succeed", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "updraft-transform-concurrent-"));
  try {
    const models = Object.fromEntries(
      Array.from({ length: 6 }, (_, i) => [
        `models/m${i}.sql`,
        `{{ config(materialized='table', schema='side') }}\nselect ${i} as n`,
      ]),
    );
    const project = compileProject(loadProject(writeProject(models)));
    const connection = new Connection({
      conn_id: "w",
      conn_type: "duckdb",
      host: path.join(dir, "w.duckdb"),
    });
    const warehouses = await Promise.all(project.models.map(() => openWarehouse(connection)));
    try {
      const builds = await Promise.all(
        project.models.map((model, i) => buildModel(project, warehouses[i]!, model)),
      );
      expect(builds.map((b) => b.message)).toEqual(Array(6).fill("CREATE TABLE"));
      const [count] = await warehouses[0]!.execute(
        "select count(*)::int as n from information_schema.tables where table_schema = 'analytics_side'",
      );
      expect(count).toEqual({ n: 6 });
    } finally {
      await Promise.all(warehouses.map((w) => w.close()));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
