// One full sync of a table into a fresh DuckDB file, in a process of its own so its peak RSS is
// the sync's: prints `result <json>` with rows, seconds and maxRSS (MB).
import { performance } from "node:perf_hooks";
import { DuckDbHook, DuckDbWarehouse, PostgresHook, syncTable } from "../src";

async function main(): Promise<void> {
  const [url, table, duckFile] = process.argv.slice(2) as [string, string, string];
  const source = new PostgresHook({ connectionString: url });
  const hook = await DuckDbHook.open(duckFile);
  const started = performance.now();
  const result = await syncTable({
    source,
    warehouse: new DuckDbWarehouse(hook),
    spec: { table, primaryKey: "id_vendas" },
  });
  const seconds = (performance.now() - started) / 1000;
  hook.close();
  await source.close();
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(`result ${JSON.stringify({ rows: result.merged, seconds, maxRssMb })}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
