// The dealership's sales database, loaded incrementally into the warehouse — the seed DAG
// (postgres_to_snowflake) rebuilt without its flaws (see the dags README): one task group per
// table, reference tables before `vendas`, each table's rows since its watermark streamed with
// COPY and merged on the primary key, the watermark committed with the rows, an asset per
// target table for the transform DAG to be scheduled on.
//
// Connections: `postgres_source` (the operational database) and `dealership_warehouse`
// (`snowflake://…`, or `duckdb` with the file in host — the embedded default). The schedule is
// hourly unless UPDRAFT_DEALERSHIP_LOAD_SCHEDULE says otherwise.
import { SlackWebhookNotifier } from "@updraft/notify";
import {
  openSyncWarehouse,
  PostgresHook,
  syncTable,
  type SyncTableResult,
  type TableSyncSpec,
} from "@updraft/providers";
import { dag, task, type TaskContext, taskGroup } from "@updraft/sdk";
import { FACT_TABLE, REFERENCE_TABLES, warehouseAsset } from "./dealership/assets";

export { FACT_TABLE, REFERENCE_TABLES, warehouseAsset };

/** Per table: its sync (upsert by data_atualizacao, merged on id_<table>). */
const specOf = (table: string): TableSyncSpec => ({ table, strategy: "upsert_by_cursor" });

async function sync(ctx: TaskContext, table: string): Promise<SyncTableResult> {
  const sourceConnection = await ctx.runtime.connection(String(ctx.params.source_conn_id));
  const warehouseConnection = await ctx.runtime.connection(String(ctx.params.warehouse_conn_id));
  const source = PostgresHook.fromConnection(sourceConnection, {
    applicationName: `updraft ${ctx.dagId}.${ctx.taskId}`,
  });
  const target = await openSyncWarehouse(warehouseConnection);
  try {
    const result = await syncTable({
      source,
      sourceSchema: String(ctx.params.source_schema),
      warehouse: target.warehouse,
      spec: specOf(table),
    });
    ctx.log.info(
      `${table}: ${result.extracted} rows read since ${result.from.cursor ?? "the beginning"}, ` +
        `${result.merged} merged into the ${target.dialect} warehouse; watermark ${result.to.cursor}`,
    );
    return result;
  } finally {
    await source.close();
    await target.close();
  }
}

export default dag(
  {
    dagId: "postgres_to_snowflake_incremental",
    description: "Loads the dealership's sales database incrementally into the warehouse",
    schedule: process.env.UPDRAFT_DEALERSHIP_LOAD_SCHEDULE ?? "@hourly",
    startDate: "2026-01-01",
    catchup: false,
    maxActiveRuns: 1,
    tags: ["dealership", "elt"],
    params: {
      source_conn_id: { type: "string", default: "postgres_source" },
      source_schema: { type: "string", default: "public" },
      warehouse_conn_id: { type: "string", default: "dealership_warehouse" },
    },
    defaultArgs: {
      owner: "data-eng",
      retries: 3,
      retryDelay: "1m",
      retryExponentialBackoff: 2,
      maxRetryDelay: "15m",
      executionTimeout: "30m",
    },
    onFailure: new SlackWebhookNotifier(),
  },
  () => {
    const groupOf = (table: string) =>
      taskGroup(table, () => {
        task("sync", (ctx) => sync(ctx, table), { outlets: [warehouseAsset(table)] })();
      });
    const references = REFERENCE_TABLES.map(groupOf);
    const fact = groupOf(FACT_TABLE);
    for (const group of references) group.then(fact);
  },
);
