/**
 * @jest-environment node
 * @jest-environment-options {"customExportConditions": ["@updraft/source", "node", "require", "default"]}
 */
// The scenario in a real Chromium against a real `updraft standalone`: the dealership
// load (postgres_to_snowflake_incremental) over a real source database (Postgres, filled by the
// demo generator) into DuckDB. The source's `vendas` table is renamed away, so the run fails
// where an operator would see it fail; the operator logs in, triggers the DAG, watches the grid,
// reads the failed task's log, puts the table back, clears the task and watches it rerun.
import path from "node:path";
import type { Page } from "playwright-core";
import { logIn, openPage } from "./support/browser";
import { escapeRegExp } from "./support/escapeRegExp";
import { createDealershipSource, type DealershipSource } from "./support/dealershipSource";
import { type E2eEnvironment, startE2eEnvironment } from "./support/e2eEnvironment";
import { LOAD_DAG_ID, EXAMPLE_DAG_ID, scenarioDags } from "./support/scenarioDags";
import { screenshot } from "./support/screenshots";
import { type ServerApi, serverApi } from "./support/serverApi";

const REFERENCE_TABLES = [
  "estados",
  "cidades",
  "concessionarias",
  "vendedores",
  "clientes",
  "veiculos",
];
/** A real failure with a real fix: the fact table is gone from the source, then comes back. */
const BREAK_SOURCE = 'alter table "vendas" rename to "vendas_offline"';
const REPAIR_SOURCE = 'alter table "vendas_offline" rename to "vendas"';
/** The sync's own words for it (packages/providers, sourceColumns.ts). */
const MISSING_TABLE = "source table public.vendas: not found";

/** A run takes seconds here; minutes mean something is stuck. */
const RUN_TIMEOUT = 60_000;

let env: E2eEnvironment;
let source: DealershipSource;
let page: Page;
let api: ServerApi;
let runId: string;

beforeAll(async () => {
  env = await startE2eEnvironment({
    dagsFolder: scenarioDags([LOAD_DAG_ID, EXAMPLE_DAG_ID]),
    async prepare(scratch, cleanups) {
      source = await createDealershipSource(200);
      cleanups.add(() => source.drop());
      await source.execute(BREAK_SOURCE);
      return {
        AIRFLOW_CONN_POSTGRES_SOURCE: source.url,
        AIRFLOW_CONN_DEALERSHIP_WAREHOUSE: JSON.stringify({
          conn_type: "duckdb",
          host: path.join(scratch, "dealership.duckdb"),
        }),
      };
    },
  });
  page = await openPage(env.browser, env.server.url);
  api = await serverApi(env.server.url, "admin", env.server.adminPassword);
}, 180_000);

afterAll(async () => {
  await env?.stop();
}, 60_000);

const dagPath = `/dags/${LOAD_DAG_ID}`;
const runPath = () => `${dagPath}/runs/${encodeURIComponent(runId)}`;
const cell = (taskId: string, state: string) =>
  page.getByRole("link", { name: `${taskId} in ${runId}: ${state}`, exact: true });
const runHeader = (state: string) =>
  page.getByRole("link", { name: `Run ${runId}: ${state}`, exact: true });

test("the operator logs in and finds the dealership load among the DAGs", async () => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).waitFor();
  await screenshot(page, "login");
  await logIn(page, "admin", env.server.adminPassword);
  await page.goto("/dags");
  await page.getByRole("link", { name: LOAD_DAG_ID, exact: true }).waitFor();
  await page.getByRole("link", { name: EXAMPLE_DAG_ID, exact: true }).waitFor();
}, 30_000);

test("unpauses it and triggers a run from the trigger dialog, with the params' defaults", async () => {
  const active = page.getByRole("switch", { name: `Active: ${LOAD_DAG_ID}` });
  // New DAGs start paused (core.dags_are_paused_at_creation).
  expect(await active.isChecked()).toBe(false);
  await active.click();
  await page.getByRole("switch", { name: `Active: ${LOAD_DAG_ID}`, checked: true }).waitFor();

  // No slot in the pool until the grid is open, so what the grid shows of the run can only
  // have come live (see the next test).
  await api.request("PATCH", "/pools/default_pool?update_mask=slots", { slots: 0 });
  await page.getByRole("button", { name: `Trigger ${LOAD_DAG_ID}` }).click();
  const dialog = page.getByRole("dialog", { name: `Trigger ${LOAD_DAG_ID}` });
  await dialog.waitFor();
  expect(await dialog.getByLabel("source_conn_id").inputValue()).toBe("postgres_source");
  expect(await dialog.getByLabel("warehouse_conn_id").inputValue()).toBe("dealership_warehouse");
  await dialog.getByRole("button", { name: "Trigger", exact: true }).click();
  await dialog.waitFor({ state: "hidden" });

  const { dag_runs: runs } = await api.request<{
    dag_runs: Array<{ dag_run_id: string; run_type: string; conf: unknown }>;
  }>("GET", `/dags/${LOAD_DAG_ID}/dagRuns`);
  expect(runs).toHaveLength(1);
  expect(runs[0]!.run_type).toBe("manual");
  runId = runs[0]!.dag_run_id;
}, 30_000);

test(
  "the grid shows the run finish without a reload: references green, vendas red, the run failed",
  async () => {
    await page.goto(dagPath);
    await page.getByRole("heading", { level: 1, name: LOAD_DAG_ID }).waitFor();
    await runHeader("running").waitFor();
    await cell("vendas.sync", "no status").waitFor();
    // One slot: the syncs run one at a time. (Six reference syncs starting together on a new
    // DuckDB file race to create its sync-state table, and all but one fail with "Catalog
    // write-write conflict"; the shipped DAG's retries hide that, this copy's do not.)
    await api.request("PATCH", "/pools/default_pool?update_mask=slots", { slots: 1 });
    await runHeader("failed").waitFor({ timeout: RUN_TIMEOUT });
    for (const table of REFERENCE_TABLES) await cell(`${table}.sync`, "success").waitFor();
    await cell("vendas.sync", "failed").waitFor();
    // The group's row sums its tasks up by Airflow's state priority.
    await cell("vendas", "failed").waitFor();
    await screenshot(page, "grid");
    await page.goto("/dags");
    await page.getByRole("link", { name: LOAD_DAG_ID, exact: true }).waitFor();
    await screenshot(page, "dags");
  },
  RUN_TIMEOUT + 30_000,
);

test("the failed task's page shows its log, with the reason in the sync's words", async () => {
  await page.goto(dagPath);
  await cell("vendas.sync", "failed").click();
  await page.waitForURL(`**${runPath()}/tasks/vendas.sync`);
  await page.getByRole("heading", { level: 1, name: /vendas\.sync/ }).waitFor();
  const log = page.getByRole("log", { name: "Log" });
  await log.getByText(MISSING_TABLE).first().waitFor();
  await screenshot(page, "task-log");
}, 30_000);

test(
  "with the table back, Clear task reruns it as try 2, and the run turns success",
  async () => {
    await source.execute(REPAIR_SOURCE);
    await page.getByRole("button", { name: "Clear task" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("checkbox", { name: "Downstream" }).waitFor();
    await dialog.getByRole("checkbox", { name: "Upstream" }).waitFor();
    await dialog.getByRole("checkbox", { name: "Only failed" }).waitFor();
    await dialog.getByRole("button", { name: "Clear", exact: true }).click();
    await dialog.waitFor({ state: "hidden" });

    // The page follows the rerun live: a second try appears and succeeds.
    await page.getByRole("button", { name: "Try 2" }).waitFor({ timeout: RUN_TIMEOUT });
    await page
      .getByRole("log", { name: "Log" })
      .getByText(/vendas: 200 rows read since the beginning/)
      .first()
      .waitFor({ timeout: RUN_TIMEOUT });

    await page.goto(runPath());
    await page.getByRole("heading", { level: 1, name: new RegExp(escapeRegExp(runId)) }).waitFor();
    await page.getByText("7 of 7 tasks done").waitFor({ timeout: RUN_TIMEOUT });
    for (const name of ["Clear run", "Mark run success", "Mark run failed", "Delete run"])
      await page.getByRole("button", { name }).waitFor();
    await screenshot(page, "dag-run");

    await page.goto(dagPath);
    await runHeader("success").waitFor({ timeout: RUN_TIMEOUT });
    await cell("vendas.sync", "success").waitFor();
    // Only the failed task ran again: its upstream kept their first (and only) try.
    const { task_instances: tis } = await api.request<{
      task_instances: Array<{ task_id: string; state: string; try_number: number }>;
    }>("GET", `/dags/${LOAD_DAG_ID}/dagRuns/${encodeURIComponent(runId)}/taskInstances`);
    expect(Object.fromEntries(tis.map((ti) => [ti.task_id, [ti.state, ti.try_number]]))).toEqual({
      ...Object.fromEntries(REFERENCE_TABLES.map((t) => [`${t}.sync`, ["success", 1]])),
      "vendas.sync": ["success", 2],
    });
  },
  2 * RUN_TIMEOUT + 30_000,
);

test("the try switcher keeps try 1's failure and log beside try 2", async () => {
  await page.goto(`${runPath()}/tasks/vendas.sync`);
  const log = page.getByRole("log", { name: "Log" });
  const try1 = page.getByRole("button", { name: "Try 1" });
  const try2 = page.getByRole("button", { name: "Try 2" });
  await try2.waitFor();
  expect(await try2.getAttribute("aria-pressed")).toBe("true");
  await log
    .getByText(/merged into the duckdb warehouse/)
    .first()
    .waitFor();

  await try1.click();
  await page.getByRole("button", { name: "Try 1", pressed: true }).waitFor();
  await log.getByText(MISSING_TABLE).first().waitFor();
  await log
    .getByText(/Marking task as FAILED/)
    .first()
    .waitFor();
  expect(await log.getByText(/merged into the duckdb warehouse/).count()).toBe(0);
}, 30_000);

test("the graph and connections pages render the scenario's DAG and connections", async () => {
  await page.goto(`${dagPath}/graph`);
  await page.getByRole("heading", { level: 1, name: LOAD_DAG_ID }).waitFor();
  // Nodes carry the selected (latest) run's states.
  for (const table of [...REFERENCE_TABLES, "vendas"])
    await page.getByRole("link", { name: `${table}.sync: success`, exact: true }).waitFor();
  await screenshot(page, "graph");

  // The server reads the scenario's connections from AIRFLOW_CONN_*; the page lists the
  // metadata database's, so store the same two there as an operator would.
  await api.request("POST", "/connections", {
    connection_id: "postgres_source",
    conn_type: "postgres",
    host: "127.0.0.1",
    port: 5432,
    login: "loader",
    password: "not-shown-anywhere",
    schema: "novadrive",
    description: "The dealership's operational database",
  });
  await api.request("POST", "/connections", {
    connection_id: "dealership_warehouse",
    conn_type: "duckdb",
    host: "/var/lib/updraft/dealership.duckdb",
    description: "The embedded warehouse",
  });
  await page.goto("/connections");
  await page.getByRole("heading", { level: 1, name: "Connections" }).waitFor();
  await page.getByText("dealership_warehouse").first().waitFor();
  expect(await page.getByText("not-shown-anywhere").count()).toBe(0);
  await screenshot(page, "connections");
}, 30_000);
