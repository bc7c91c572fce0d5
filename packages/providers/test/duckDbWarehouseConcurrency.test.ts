// Several table syncs start at once against a new DuckDB file (the load DAG's reference tables
// on the embedded default): each creates the schema and the shared watermark table if missing.
// DuckDB's optimistic catalog fails the losers of that race with a write-write conflict; every
// sync must still get through. (Before the fix, most rounds lost two or three of eight.)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDbHook, DuckDbWarehouse, SYNC_STATE_TABLE } from "../src";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "updraft-duck-race-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spec = (table: string) =>
  ({
    table,
    strategy: "upsert_by_cursor",
    primaryKey: `id_${table}`,
    cursorColumn: "data_atualizacao",
    lookbackSeconds: 0,
  }) as unknown as Parameters<DuckDbWarehouse["readWatermark"]>[0];

test("eight syncs reading their watermarks on a new file at once all succeed, five times over", async () => {
  for (let round = 0; round < 5; round++) {
    const file = path.join(dir, `race${round}.duckdb`);
    const hooks = await Promise.all(Array.from({ length: 8 }, () => DuckDbHook.open(file)));
    const outcomes = await Promise.allSettled(
      hooks.map((hook, i) => new DuckDbWarehouse(hook).readWatermark(spec(`t${i}`))),
    );
    const failures = outcomes.flatMap((o) => (o.status === "rejected" ? [String(o.reason)] : []));
    const [first] = hooks;
    const tables = await first!.all<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'stage'",
    );
    for (const hook of hooks) hook.close();
    expect(failures).toEqual([]);
    expect(tables.map((t) => t.table_name)).toEqual([SYNC_STATE_TABLE]);
  }
});
