// One full sync of a table into a fresh DuckDB file, in a process of its own so its peak RSS is
// the sync's: prints `result <json>` with rows, seconds and maxRSS (MB).
import { performance } from "node:perf_hooks";
import { DuckDbHook, DuckDbWarehouse, PostgresHook, syncTable } from "../src";

/** DuckDB's memory_limit in the child. */
const MEMORY_LIMIT = "256MB";

async function main(): Promise<void> {
  const [url, table, duckFile] = process.argv.slice(2) as [string, string, string];
  const source = new PostgresHook({ connectionString: url });
  // A DuckDB capped at 256 MB: what grows with the table then shows as growth beyond the cap.
  const hook = await DuckDbHook.open(duckFile, { memoryLimit: MEMORY_LIMIT });
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
