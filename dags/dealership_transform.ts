// The dealership's transform DAG: the dbt-style project in dealership/transform (stage views,
// dimensions, the incremental sales fact, the analysis tables, the vehicle-price snapshot and
// the tests) rendered as one task per node, grouped by folder, tests right after the node they
// check. It runs when the incremental load has updated every stage table it reads.
//
// Connection: `dealership_warehouse` — the same warehouse the load writes (duckdb, snowflake or
// postgres). Models are built in schema `analytics` (ANALYTICS on Snowflake) unless
// UPDRAFT_DEALERSHIP_TARGET_SCHEMA says otherwise.
import path from "node:path";
import { SlackWebhookNotifier } from "@updraft/notify";
import { transformDag } from "@updraft/transform";
import { STAGE_TABLES, warehouseAsset } from "./dealership/assets";

export default transformDag({
  dagId: "dealership_transform",
  description: "Builds the dealership's star schema and sales analyses in the warehouse",
  project: path.join(__dirname, "dealership", "transform"),
  connId: "dealership_warehouse",
  ...(process.env.UPDRAFT_DEALERSHIP_TARGET_SCHEMA
    ? { target: { schema: process.env.UPDRAFT_DEALERSHIP_TARGET_SCHEMA } }
    : {}),
  schedule: STAGE_TABLES.map(warehouseAsset),
  startDate: "2026-01-01",
  catchup: false,
  maxActiveRuns: 1,
  tags: ["dealership", "dbt", "transform"],
  defaultArgs: {
    owner: "analytics-eng",
    retries: 2,
    retryDelay: "1m",
    retryExponentialBackoff: 2,
    maxRetryDelay: "10m",
    executionTimeout: "30m",
  },
  onFailure: new SlackWebhookNotifier(),
  doc:
    "The dealership's dbt-style project, one task per model: `stage` views over the loaded " +
    "tables, `dimensions`, the incremental `fct_vendas`, and the `analysis` tables the " +
    "dashboards read. Tests run right after the model they check; a failed test blocks its " +
    "model's dependents. Trigger with `full_refresh: true` to rebuild incremental models.",
});
