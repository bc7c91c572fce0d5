// The run page: the run's facts, its progress, its task instances, and the actions a User may
// take — each confirmed first, each sending Airflow's request, each refreshing what it changed.
import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { TaskInstance } from "../src/api/types";
import { installFakeApi } from "./support/fakeApi";
import { answerDagPage, DAG_ID, dagRun, NEW_RUN, taskInstance } from "./support/dagPageFixtures";
import { renderApp } from "./support/renderApp";

// The first render of the whole App can take more than a second on a busy machine.
configure({ asyncUtilTimeout: 5000 });

const api = installFakeApi();
const RUN = `/api/v2/dags/${DAG_ID}/dagRuns/${NEW_RUN}`;
const PAGE = `/dags/${DAG_ID}/runs/${encodeURIComponent(NEW_RUN)}`;

const INSTANCES: TaskInstance[] = [
  taskInstance(),
  taskInstance({
    id: "0197a9c8-0000-7000-8000-000000000002",
    task_id: "transform.clean",
    task_display_name: "clean",
    state: "failed",
    try_number: 2,
    operator: "SQLExecuteQueryOperator",
    operator_name: "SQLExecuteQueryOperator",
  }),
  ...[0, 1, 2].map((index) =>
    taskInstance({
      id: `0197a9c8-0000-7000-8000-00000000001${index}`,
      task_id: "load",
      task_display_name: "load",
      map_index: index,
      state: index === 2 ? "running" : null,
      end_date: null,
      duration: null,
    }),
  ),
];

beforeEach(() => {
  answerDagPage(api);
  api.on(`GET ${RUN}`, () => dagRun());
  api.on(`GET ${RUN}/taskInstances`, (request) => {
    const states = request.query.getAll("state");
    const matching =
      states.length === 0
        ? INSTANCES
        : INSTANCES.filter((ti) => states.includes(ti.state ?? "none"));
    const limit = Number(request.query.get("limit") ?? "50");
    return { task_instances: matching.slice(0, limit), total_entries: matching.length };
  });
  api.on(`POST ${RUN}/clear`, (request) => {
    const body = request.body as { dry_run: boolean; only_failed: boolean };
    if (!body.dry_run) return dagRun({ state: "queued" });
    const cleared = body.only_failed ? INSTANCES.filter((ti) => ti.state === "failed") : INSTANCES;
    return { task_instances: cleared, total_entries: cleared.length };
  });
  api.on(`PATCH ${RUN}`, (request) =>
    dagRun({ state: (request.body as { state: "success" }).state }),
  );
  api.on(`DELETE ${RUN}`, () => ({ status: 204 }));
});

test("shows the run's facts, its progress and its task instances", async () => {
  renderApp(api, PAGE, "Viewer");
  expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent(NEW_RUN);
  expect(await screen.findByText("2 of 5 tasks done")).toBeInTheDocument();
  expect(screen.getByRole("progressbar", { name: "Run progress" })).toHaveAttribute("value", "2");
  // Done means finished for good: the API counted success, failed, skipped, upstream failed, removed.
  const doneCall = api
    .callsTo(`GET ${RUN}/taskInstances`)
    .find((call) => call.query.getAll("state").length > 0);
  expect(doneCall?.query.getAll("state")).toEqual([
    "success",
    "failed",
    "skipped",
    "upstream_failed",
    "removed",
  ]);
  const details = screen.getByRole("region", { name: "Details" });
  expect(details).toHaveTextContent("manual");
  expect(details).toHaveTextContent("rest api");
  expect(screen.getByLabelText("Run conf")).toHaveTextContent('"full_refresh": true');

  const table = await screen.findByRole("table", { name: "Task instances" });
  const rows = within(table).getAllByRole("row").slice(1);
  expect(rows).toHaveLength(5);
  expect(within(rows[1]!).getByRole("link", { name: "clean" })).toHaveAttribute(
    "href",
    `${PAGE}/tasks/transform.clean`,
  );
  expect(rows[1]).toHaveTextContent("failed");
  expect(rows[1]).toHaveTextContent("SQLExecuteQueryOperator");
  expect(within(rows[4]!).getByRole("link", { name: "load" })).toHaveAttribute(
    "href",
    `${PAGE}/tasks/load/mapped/2`,
  );
  expect(rows[4]).toHaveTextContent("running");
});

test("a Viewer sees no action buttons", async () => {
  renderApp(api, PAGE, "Viewer");
  await screen.findByText("2 of 5 tasks done");
  for (const name of ["Clear run", "Mark run success", "Mark run failed", "Delete run"])
    expect(screen.queryByRole("button", { name })).toBeNull();
});

test("Clear run lists what it will clear, then clears only the failed ones when asked", async () => {
  const user = userEvent.setup();
  renderApp(api, PAGE, "User");
  await user.click(await screen.findByRole("button", { name: "Clear run" }));
  const dialog = await screen.findByRole("dialog", { name: "Clear run" });
  expect(await within(dialog).findByText("5 task instances will be cleared:")).toBeInTheDocument();
  expect(api.callsTo(`POST ${RUN}/clear`).map((c) => c.body)).toEqual([
    { dry_run: true, only_failed: false },
  ]);
  await user.click(within(dialog).getByRole("checkbox", { name: "Only failed" }));
  expect(await within(dialog).findByText("1 task instance will be cleared:")).toBeInTheDocument();
  expect(within(dialog).getByRole("list")).toHaveTextContent("transform.clean");
  const before = api.callsTo(`GET ${RUN}`).length;
  await user.click(within(dialog).getByRole("button", { name: "Clear" }));
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  expect(api.callsTo(`POST ${RUN}/clear`).at(-1)?.body).toEqual({
    dry_run: false,
    only_failed: true,
  });
  // The run is read again, so its new state shows at once.
  await waitFor(() => expect(api.callsTo(`GET ${RUN}`).length).toBeGreaterThan(before));
});

test("Cancel closes a dialog without sending anything", async () => {
  const user = userEvent.setup();
  renderApp(api, PAGE, "User");
  await user.click(await screen.findByRole("button", { name: "Mark run failed" }));
  await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Cancel" }));
  expect(screen.queryByRole("dialog")).toBeNull();
  expect(api.callsTo(`PATCH ${RUN}`)).toHaveLength(0);
});

test.each([
  ["Mark run success", "Mark success", "success"],
  ["Mark run failed", "Mark failed", "failed"],
] as const)("%s asks first; its dialog's %s sends the PATCH", async (button, confirm, state) => {
  const user = userEvent.setup();
  renderApp(api, PAGE, "User");
  await user.click(await screen.findByRole("button", { name: button }));
  const dialog = screen.getByRole("dialog", { name: button });
  expect(api.callsTo(`PATCH ${RUN}`)).toHaveLength(0);
  await user.click(within(dialog).getByRole("button", { name: confirm }));
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  expect(api.callsTo(`PATCH ${RUN}`).map((c) => c.body)).toEqual([{ state }]);
});

test("a refused action keeps the dialog open and says why in words", async () => {
  api.on(`PATCH ${RUN}`, () => ({
    status: 403,
    body: { detail: "Access denied: your role cannot change DAG runs" },
  }));
  const user = userEvent.setup();
  renderApp(api, PAGE, "User");
  await user.click(await screen.findByRole("button", { name: "Mark run success" }));
  const dialog = screen.getByRole("dialog", { name: "Mark run success" });
  await user.click(within(dialog).getByRole("button", { name: "Mark success" }));
  expect(await within(dialog).findByRole("alert")).toHaveTextContent(
    "Access denied: your role cannot change DAG runs",
  );
});

test("Delete run deletes after confirming and goes back to the DAG's page", async () => {
  const user = userEvent.setup();
  renderApp(api, PAGE, "Admin");
  await user.click(await screen.findByRole("button", { name: "Delete run" }));
  const dialog = screen.getByRole("dialog", { name: "Delete run" });
  expect(dialog).toHaveTextContent(NEW_RUN);
  await user.click(within(dialog).getByRole("button", { name: "Delete" }));
  expect(await screen.findByRole("heading", { level: 1, name: "Sales ETL" })).toBeInTheDocument();
  expect(api.callsTo(`DELETE ${RUN}`)).toHaveLength(1);
  expect(screen.queryByRole("dialog")).toBeNull();
});

test("a run that does not exist says so", async () => {
  api.on(`GET ${RUN}`, () => ({
    status: 404,
    body: {
      detail: `The DagRun with dag_id: \`${DAG_ID}\` and run_id: \`${NEW_RUN}\` was not found`,
    },
  }));
  renderApp(api, PAGE, "User");
  expect(await screen.findByRole("alert")).toHaveTextContent(
    `The run cannot be shown: The DagRun with dag_id: \`${DAG_ID}\` and run_id: \`${NEW_RUN}\` was not found`,
  );
  expect(screen.queryByRole("button", { name: "Delete run" })).toBeNull();
});
