// The grid view: runs as columns (oldest on the left), tasks and task groups as rows, each cell
// a link to its task instance in Airflow's state colour; groups collapse and stay collapsed;
// mapped tasks show their count and summary state.
import { cleanup, configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { cellTooltip } from "../src/components/grid/cellTooltip";
import { gridRows, groupIds } from "../src/components/grid/gridRows";
import { installFakeApi } from "./support/fakeApi";
import { FakeEventSource, installFakeEventSource } from "./support/fakeEventSource";
import {
  answerDagPage,
  DAG_ID,
  GRID_STRUCTURE,
  NEW_RUN,
  OLD_RUN,
  SUMMARIES,
} from "./support/dagPageFixtures";
import { renderApp } from "./support/renderApp";

// The first render of the whole App can take more than a second on a busy machine.
configure({ asyncUtilTimeout: 5000 });

const api = installFakeApi();
beforeEach(() => answerDagPage(api));

const enc = encodeURIComponent;
const cellOf = (taskId: string, runId: string, state: string) =>
  screen.findByRole("link", { name: `${taskId} in ${runId}: ${state}` });

test("runs are columns, oldest on the left; each column header links to its run", async () => {
  renderApp(api, `/dags/${DAG_ID}`, "Viewer");
  await cellOf("extract", NEW_RUN, "success");
  const headers = screen.getAllByRole("link", { name: /^Run / });
  expect(headers.map((h) => h.getAttribute("aria-label"))).toEqual([
    `Run ${OLD_RUN}: success`,
    `Run ${NEW_RUN}: running`,
  ]);
  expect(headers[0]).toHaveAttribute("href", `/dags/${DAG_ID}/runs/${enc(OLD_RUN)}`);
  // The bar's height shows the duration against the longest run; its colour the run's state.
  const bars = headers.map((h) => h.querySelector<HTMLElement>(".grid-bar"));
  expect(bars[0]?.style.height).toBe("100%");
  expect(bars[1]?.style.height).toBe("25%");
  expect(bars[0]?.style.background).toBe("green");
  expect(bars[1]?.style.background).toBe("lime");
});

test("each cell is coloured by its state and links to the task instance page", async () => {
  renderApp(api, `/dags/${DAG_ID}`, "Viewer");
  const failed = await cellOf("transform.clean", NEW_RUN, "failed");
  expect(failed).toHaveStyle({ background: "red" });
  expect(failed).toHaveAttribute(
    "href",
    `/dags/${DAG_ID}/runs/${enc(NEW_RUN)}/tasks/transform.clean`,
  );
  expect(await cellOf("transform.join", NEW_RUN, "upstream failed")).toHaveStyle({
    background: "orange",
  });
  const retried = await cellOf("transform.join", OLD_RUN, "success");
  expect(retried).toHaveStyle({ background: "green" });
  expect(retried.getAttribute("title")).toContain("Try: 2");
  expect(retried.getAttribute("title")).toContain("Duration: 1m 00s");
  // Rows in the DAG's order, the group's tasks indented under it.
  const rows = screen.getAllByRole("row").slice(1);
  expect(rows.map((row) => within(row).getByRole("rowheader").textContent)).toEqual([
    "extract",
    "▾transform",
    "clean",
    "join",
    "load [3]",
  ]);
});

test("a cell with no task instance reads 'no status' and has no colour", async () => {
  api.on(`GET /api/v2/ui/grid/ti_summaries/${DAG_ID}/${NEW_RUN}`, () => ({
    ...SUMMARIES[NEW_RUN],
    task_instances: SUMMARIES[NEW_RUN]!.task_instances.map((ti) =>
      ti.task_id === "extract" ? { ...ti, state: null, start_date: null, end_date: null } : ti,
    ),
  }));
  renderApp(api, `/dags/${DAG_ID}`, "Viewer");
  const cell = await cellOf("extract", NEW_RUN, "no status");
  expect(cell).toHaveAttribute("data-state", "none");
  expect(cell).toHaveStyle({ background: "transparent" });
});

test("a group collapses to its summary row and stays collapsed on the next visit", async () => {
  const user = userEvent.setup();
  const view = renderApp(api, `/dags/${DAG_ID}`, "Viewer");
  await cellOf("transform.clean", NEW_RUN, "failed");
  const group = await cellOf("transform", NEW_RUN, "failed");
  expect(group).toHaveStyle({ background: "red" });
  expect(group.getAttribute("title")).toContain("2 task instances: 1 failed, 1 upstream failed");
  await user.click(screen.getByRole("button", { name: "Collapse transform" }));
  expect(screen.queryByRole("link", { name: `transform.clean in ${NEW_RUN}: failed` })).toBeNull();
  expect(screen.getByRole("link", { name: `transform in ${NEW_RUN}: failed` })).toBeVisible();
  expect(screen.getByRole("button", { name: "Expand transform" })).toHaveAttribute(
    "aria-expanded",
    "false",
  );
  expect(JSON.parse(localStorage.getItem(`updraft.grid.collapsed.${DAG_ID}`) ?? "[]")).toEqual([
    "transform",
  ]);

  view.unmount();
  cleanup();
  renderApp(api, `/dags/${DAG_ID}`, "Viewer");
  await userEvent.click(await screen.findByRole("button", { name: "Expand transform" }));
  expect(await cellOf("transform.clean", NEW_RUN, "failed")).toBeVisible();
});

test("a mapped task shows its instance count and the state that matters most", async () => {
  renderApp(api, `/dags/${DAG_ID}`, "Viewer");
  const mapped = await cellOf("load", NEW_RUN, "running");
  expect(mapped).toHaveStyle({ background: "lime" });
  expect(mapped.getAttribute("title")).toContain("3 mapped: 2 success, 1 running");
  expect(mapped).toHaveAttribute("href", `/dags/${DAG_ID}/runs/${enc(NEW_RUN)}/tasks/load`);
  expect(screen.getByRole("rowheader", { name: "load [3]" })).toBeInTheDocument();
});

test("a mapped task not yet expanded in the newest run counts the run before it", async () => {
  api.on(`GET /api/v2/ui/grid/ti_summaries/${DAG_ID}/${NEW_RUN}`, () => ({
    ...SUMMARIES[NEW_RUN],
    task_instances: SUMMARIES[NEW_RUN]!.task_instances.map((ti) =>
      ti.task_id === "load"
        ? { ...ti, state: null, child_states: { no_status: 1 }, task_count: 1 }
        : ti,
    ),
  }));
  renderApp(api, `/dags/${DAG_ID}`, "Viewer");
  await cellOf("load", NEW_RUN, "no status");
  expect(screen.getByRole("rowheader", { name: "load [2]" })).toBeInTheDocument();
});

describe("live", () => {
  installFakeEventSource();

  test("the newest running run is followed: its task instance events recolour the grid", async () => {
    renderApp(api, `/dags/${DAG_ID}`, "Viewer");
    await cellOf("load", NEW_RUN, "running");
    const open = () => FakeEventSource.instances.filter((s) => !s.closed).map((s) => s.url);
    expect(open()).toEqual(
      expect.arrayContaining([
        `/api/v2/events?dag_id=${DAG_ID}`,
        `/api/v2/events?dag_id=${DAG_ID}&dag_run_id=${enc(NEW_RUN)}`,
      ]),
    );
    api.on(`GET /api/v2/ui/grid/ti_summaries/${DAG_ID}/${NEW_RUN}`, () => ({
      ...SUMMARIES[NEW_RUN],
      task_instances: SUMMARIES[NEW_RUN]!.task_instances.map((ti) =>
        ti.task_id === "load" ? { ...ti, state: "success", child_states: { success: 3 } } : ti,
      ),
    }));
    const followed = FakeEventSource.instances.find((s) => s.url.includes("dag_run_id"))!;
    followed.emit("task_instance", {
      dag_id: DAG_ID,
      dag_run_id: NEW_RUN,
      task_id: "load",
      map_index: 2,
      state: "success",
    });
    expect(await cellOf("load", NEW_RUN, "success")).toHaveStyle({ background: "green" });
  });
});

test("the runs-shown selector asks the API for that many runs", async () => {
  renderApp(api, `/dags/${DAG_ID}`, "Viewer");
  await cellOf("extract", NEW_RUN, "success");
  const runsUrl = `GET /api/v2/ui/grid/runs/${DAG_ID}`;
  expect(api.callsTo(runsUrl).at(-1)?.query.get("limit")).toBe("25");
  await userEvent.selectOptions(screen.getByLabelText("Runs shown"), "50");
  await waitFor(() => expect(api.callsTo(runsUrl).at(-1)?.query.get("limit")).toBe("50"));
});

test("a DAG without runs says so and points at Trigger", async () => {
  api.on(`GET /api/v2/ui/grid/runs/${DAG_ID}`, () => []);
  renderApp(api, `/dags/${DAG_ID}`, "Viewer");
  expect(await screen.findByText(/This DAG has no runs yet/)).toHaveTextContent(
    "Use Trigger above to start one.",
  );
});

test("an error loading the grid is shown in words", async () => {
  api.on(`GET /api/v2/ui/grid/structure/${DAG_ID}`, () => ({
    status: 404,
    body: { detail: `The Dag with ID: \`${DAG_ID}\` was not found` },
  }));
  renderApp(api, `/dags/${DAG_ID}`, "Viewer");
  expect(await screen.findByRole("alert")).toHaveTextContent(
    "The grid cannot be shown: The Dag with ID: `etl_sales` was not found",
  );
});

describe("gridRows", () => {
  test("lists every node in order with its depth when nothing is collapsed", () => {
    expect(
      gridRows(GRID_STRUCTURE, new Set()).map((r) => [r.node.id, r.depth, r.expanded]),
    ).toEqual([
      ["extract", 0, null],
      ["transform", 0, true],
      ["transform.clean", 1, null],
      ["transform.join", 1, null],
      ["load", 0, null],
    ]);
  });

  test("leaves out a collapsed group's children, nested groups included", () => {
    const nested = [
      {
        id: "outer",
        label: "outer",
        is_mapped: false,
        children: [
          {
            id: "outer.inner",
            label: "inner",
            is_mapped: false,
            children: GRID_STRUCTURE.slice(0, 1),
          },
        ],
      },
    ];
    expect(gridRows(nested, new Set(["outer.inner"])).map((r) => r.node.id)).toEqual([
      "outer",
      "outer.inner",
    ]);
    expect(gridRows(nested, new Set(["outer"])).map((r) => r.node.id)).toEqual(["outer"]);
    expect(groupIds(nested)).toEqual(["outer", "outer.inner"]);
  });
});

describe("cellTooltip", () => {
  const now = Date.parse("2025-06-02T03:03:05Z");
  test("a running task instance's duration runs to now", () => {
    const running = SUMMARIES[NEW_RUN]!.task_instances.find((t) => t.task_id === "load")!;
    expect(cellTooltip("load", running, { isGroup: false, isMapped: true, now })).toBe(
      "load\nState: running\nTry: 1\nDuration: 3m 00s\n3 mapped: 2 success, 1 running",
    );
  });

  test("a cell whose run has not loaded says only its name and no status", () => {
    expect(cellTooltip("extract", undefined, { isGroup: false, isMapped: false })).toBe(
      "extract\nState: no status",
    );
  });
});
