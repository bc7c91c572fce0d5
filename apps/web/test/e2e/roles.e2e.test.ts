/**
 * @jest-environment node
 * @jest-environment-options {"customExportConditions": ["@updraft/source", "node", "require", "default"]}
 */
// A Viewer, in a real Chromium against a real `updraft standalone`, reads everything a run
// shows but is offered none of the actions: no Trigger, no Clear, no marking, and no
// Connections in the navigation. Each absence is checked once the page has shown what the
// Viewer may see, so a page still loading cannot pass for one without buttons.
import type { Page } from "playwright-core";
import { logIn, openPage } from "./support/browser";
import { escapeRegExp } from "./support/escapeRegExp";
import { type E2eEnvironment, startE2eEnvironment } from "./support/e2eEnvironment";
import { runUpdraft } from "./support/runUpdraft";
import { EXAMPLE_DAG_ID, scenarioDags } from "./support/scenarioDags";
import { serverApi } from "./support/serverApi";
import { type DagRunState, waitForRun } from "./support/waitForRun";

const VIEWER = { username: "viewer", password: "a-viewer-password" };

let env: E2eEnvironment;
let page: Page;
let runId: string;

beforeAll(async () => {
  env = await startE2eEnvironment({ dagsFolder: scenarioDags([EXAMPLE_DAG_ID]) });
  await runUpdraft(
    ["users", "create", "--username", VIEWER.username, "--role", "Viewer"]
      .concat(["--password", VIEWER.password])
      .concat(["--firstname", "Vera", "--lastname", "Viewer", "--email", "viewer@example.com"]),
    { UPDRAFT_DATABASE_URL: env.databaseUrl },
  );
  // The admin's run, finished before the Viewer looks at it. With a logical date: the DAG's
  // BashOperator renders {{ ds }}, which a run without one does not have (as in Airflow 3).
  const admin = await serverApi(env.server.url, "admin", env.server.adminPassword);
  await admin.request("PATCH", `/dags/${EXAMPLE_DAG_ID}`, { is_paused: false });
  const run = await admin.request<DagRunState>("POST", `/dags/${EXAMPLE_DAG_ID}/dagRuns`, {
    logical_date: new Date().toISOString(),
  });
  runId = run.dag_run_id;
  const state = await waitForRun(admin, EXAMPLE_DAG_ID, runId).catch((error: Error) => {
    throw new Error(`${error.message}\n${env.server.output()}`);
  });
  expect(state).toBe("success");
  page = await openPage(env.browser, env.server.url);
  await logIn(page, VIEWER.username, VIEWER.password);
}, 180_000);

afterAll(async () => {
  await env?.stop();
}, 60_000);

const runPath = () => `/dags/${EXAMPLE_DAG_ID}/runs/${encodeURIComponent(runId)}`;

test("the navigation has no Connections link for a Viewer", async () => {
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "DAGs" }).waitFor();
  await nav.getByRole("link", { name: "Variables" }).waitFor();
  expect(await nav.getByRole("link", { name: "Connections" }).count()).toBe(0);
  expect(await nav.getByRole("link", { name: "Users" }).count()).toBe(0);
});

test("the DAGs list and the DAG page offer no Trigger", async () => {
  await page.goto("/dags");
  await page.getByRole("link", { name: EXAMPLE_DAG_ID, exact: true }).waitFor();
  expect(await page.getByRole("button", { name: `Trigger ${EXAMPLE_DAG_ID}` }).count()).toBe(0);

  await page.goto(`/dags/${EXAMPLE_DAG_ID}`);
  await page.getByRole("heading", { level: 1, name: EXAMPLE_DAG_ID }).waitFor();
  await page.getByRole("link", { name: `Run ${runId}: success`, exact: true }).waitFor();
  expect(await page.getByRole("button", { name: /^Trigger/ }).count()).toBe(0);
});

test("the run page shows the run's state and progress but no run actions", async () => {
  await page.goto(runPath());
  await page.getByRole("heading", { level: 1, name: new RegExp(escapeRegExp(runId)) }).waitFor();
  await page.getByText(/\d+ of \d+ tasks done/).waitFor();
  for (const name of ["Clear run", "Mark run success", "Mark run failed", "Delete run"])
    expect(await page.getByRole("button", { name }).count()).toBe(0);
});

test("a task instance page shows its log but no Clear task or marking", async () => {
  await page.goto(`${runPath()}/tasks/announce`);
  await page.getByRole("heading", { level: 1, name: /announce/ }).waitFor();
  await page.getByRole("log", { name: "Log" }).getByText(`sales report for`).first().waitFor();
  for (const name of ["Clear task", "Mark success", "Mark failed"])
    expect(await page.getByRole("button", { name }).count()).toBe(0);
});
