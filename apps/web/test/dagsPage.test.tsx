// The DAGs list: rows from Airflow's recent_dag_runs payload, the filters as the API's query
// (tags, dag_id_pattern debounced, paused, order, pages), roles deciding which controls work,
// pausing shown at once and undone on a refusal, the import error banner, empty states.
import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { DagWithLatestRuns, ImportError } from "../src/api/types";
import { dagPayload, dagRunPayload } from "./dagsPayloads";
import { type FakeRequest, installFakeApi } from "./support/fakeApi";
import { renderApp } from "./support/renderApp";

// Typing into a large form is slow on a loaded machine: give each wait more than the 1 s default.
configure({ asyncUtilTimeout: 5_000 });

const RECENT = "GET /api/v2/ui/dags/recent_dag_runs";

const etl = () =>
  dagPayload("etl_daily", {
    dag_display_name: "warehouse load",
    description: "Loads the warehouse every day",
    owners: ["data-eng", "ops"],
    tags: [
      { name: "daily", dag_id: "etl_daily" },
      { name: "etl", dag_id: "etl_daily" },
    ],
    latest_dag_runs: [
      dagRunPayload("etl_daily", "scheduled__2026-03-03", "running"),
      dagRunPayload("etl_daily", "scheduled__2026-03-02", "success"),
      dagRunPayload("etl_daily", "scheduled__2026-03-01", "failed"),
    ],
  });

const reporting = () =>
  dagPayload("reporting", {
    is_paused: true,
    owners: [],
    timetable_summary: "*/5 * * * *",
    timetable_description: null,
    next_dagrun_run_after: null,
    next_dagrun_logical_date: null,
  });

let dags: DagWithLatestRuns[] = [];
let importErrors: ImportError[] = [];

const listed = () => ({ dags, total_entries: dags.length });

const api = installFakeApi({
  [RECENT]: listed,
  "GET /api/v2/importErrors": () => ({
    import_errors: importErrors,
    total_entries: importErrors.length,
  }),
  "GET /api/v2/dagTags": () => ({ tags: ["daily", "etl", "reports"], total_entries: 3 }),
});

beforeEach(() => {
  dags = [etl(), reporting()];
  importErrors = [];
  api.on(RECENT, listed);
});

const lastList = (): FakeRequest => {
  const calls = api.callsTo(RECENT);
  const last = calls.at(-1);
  if (last === undefined) throw new Error("the list was never asked for");
  return last;
};

const rowOf = async (dagId: string) => {
  const table = await screen.findByRole("table", { name: "DAGs" });
  const row = within(table)
    .getAllByRole("row")
    .find((r) => r.getAttribute("data-dag-id") === dagId);
  if (row === undefined) throw new Error(`no row for ${dagId}`);
  return row;
};

test("each DAG's name, owners, tags, schedule in words, next run, newest runs and controls", async () => {
  renderApp(api, "/dags", "User");
  const row = await rowOf("etl_daily");
  expect(within(row).getByRole("link", { name: "warehouse load" })).toHaveAttribute(
    "href",
    "/dags/etl_daily",
  );
  expect(row).toHaveTextContent("etl_daily");
  expect(row).toHaveTextContent("data-eng, ops");
  expect(within(row).getByRole("button", { name: "Filter by tag etl" })).toHaveTextContent("etl");
  expect(row).toHaveTextContent("At 06:00");
  expect(within(row).getByRole("switch", { name: "Active: etl_daily" })).toBeChecked();
  expect(within(row).getByRole("button", { name: "Trigger etl_daily" })).toBeEnabled();
  // Newest run on the right, each dot a link to its run naming its state.
  const runs = within(within(row).getByRole("list", { name: /Latest runs/ })).getAllByRole("link");
  expect(runs.map((link) => link.getAttribute("href"))).toEqual([
    "/dags/etl_daily/runs/scheduled__2026-03-01",
    "/dags/etl_daily/runs/scheduled__2026-03-02",
    "/dags/etl_daily/runs/scheduled__2026-03-03",
  ]);
  expect(runs[0]).toHaveAccessibleName(/^failed: scheduled__2026-03-01/);
  expect(runs[2]).toHaveAccessibleName(/^running: scheduled__2026-03-03/);
  expect(within(runs[2]!).getByRole("img")).toHaveStyle({ background: "lime" });

  const paused = await rowOf("reporting");
  expect(paused).toHaveTextContent("Every 5 minutes");
  expect(paused).toHaveTextContent("No runs yet");
  expect(within(paused).getByRole("switch", { name: "Active: reporting" })).not.toBeChecked();

  expect(screen.getByText("2 DAGs")).toBeInTheDocument();
  const query = lastList().query;
  expect(Object.fromEntries(query)).toEqual({
    dag_runs_limit: "10",
    order_by: "dag_display_name",
    limit: "25",
    offset: "0",
  });
});

test("a Viewer sees the switches disabled and no trigger buttons", async () => {
  renderApp(api, "/dags", "Viewer");
  const row = await rowOf("etl_daily");
  expect(within(row).getByRole("switch", { name: "Active: etl_daily" })).toBeDisabled();
  expect(screen.queryByRole("button", { name: /^Trigger / })).not.toBeInTheDocument();
});

test("a tag filters the list: from a row's chip or the tag menu, removed by its own chip", async () => {
  renderApp(api, "/dags", "Viewer");
  const row = await rowOf("etl_daily");
  await userEvent.click(within(row).getByRole("button", { name: "Filter by tag etl" }));
  await waitFor(() => expect(lastList().query.getAll("tags")).toEqual(["etl"]));
  await userEvent.selectOptions(screen.getByRole("combobox", { name: "Filter by tag" }), "reports");
  await waitFor(() => expect(lastList().query.getAll("tags")).toEqual(["etl", "reports"]));
  await userEvent.selectOptions(screen.getByRole("combobox", { name: "Tags to match" }), "all");
  await waitFor(() => expect(lastList().query.get("tags_match_mode")).toBe("all"));
  await userEvent.click(screen.getByRole("button", { name: "Remove tag filter etl" }));
  await waitFor(() => expect(lastList().query.getAll("tags")).toEqual(["reports"]));
  expect(lastList().query.get("tags_match_mode")).toBeNull();
});

test("the search asks for dag_id_pattern once typing pauses, not on every key", async () => {
  renderApp(api, "/dags", "Viewer");
  await rowOf("etl_daily");
  await userEvent.type(screen.getByRole("searchbox", { name: "Search DAGs" }), "etl");
  await waitFor(() => expect(lastList().query.get("dag_id_pattern")).toBe("etl"));
  const patterns = api.callsTo(RECENT).map((c) => c.query.get("dag_id_pattern"));
  expect(patterns).not.toContain("e");
  expect(patterns).not.toContain("et");
});

test("All / Active / Paused, the name order and the pages change the query", async () => {
  dags = [etl(), reporting()];
  api.on(RECENT, (request) => ({
    dags: request.query.get("offset") === "25" ? [reporting()] : dags,
    total_entries: 27,
  }));
  renderApp(api, "/dags", "Viewer");
  await rowOf("etl_daily");
  await userEvent.click(screen.getByRole("button", { name: "Paused" }));
  await waitFor(() => expect(lastList().query.get("paused")).toBe("true"));
  expect(screen.getByRole("button", { name: "Paused" })).toHaveAttribute("aria-pressed", "true");
  await userEvent.click(screen.getByRole("button", { name: "Active" }));
  await waitFor(() => expect(lastList().query.get("paused")).toBe("false"));
  // Back to every DAG: the first answer is still fresh in the cache, so no new request.
  await userEvent.click(screen.getByRole("button", { name: "All" }));
  expect(screen.getByRole("button", { name: "All" })).toHaveAttribute("aria-pressed", "true");
  await userEvent.click(screen.getByRole("button", { name: /^DAG/ }));
  await waitFor(() => expect(lastList().query.get("order_by")).toBe("-dag_display_name"));
  expect(screen.getByRole("columnheader", { name: /^DAG/ })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  expect(screen.getByText(/1–25 of 27/)).toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: "Next" }));
  await waitFor(() => expect(lastList().query.get("offset")).toBe("25"));
  expect(lastList().query.get("order_by")).toBe("-dag_display_name");
  expect(await screen.findByText(/26–27 of 27/)).toBeInTheDocument();
});

test("pausing shows at once, sends the PATCH, and the list agrees afterwards", async () => {
  let paused = false;
  api.on(RECENT, () => ({
    dags: [{ ...etl(), is_paused: paused }],
    total_entries: 1,
  }));
  api.on("PATCH /api/v2/dags/etl_daily", (request) => {
    paused = (request.body as { is_paused: boolean }).is_paused;
    return { ...etl(), is_paused: paused };
  });
  // Hold the PATCH until the switch has been looked at, as a slow server would.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const answer = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    if (init?.method === "PATCH") await held;
    return answer(input, init);
  };
  renderApp(api, "/dags", "User");
  const toggle = within(await rowOf("etl_daily")).getByRole("switch", {
    name: "Active: etl_daily",
  });
  await userEvent.click(toggle);
  expect(toggle).not.toBeChecked();
  expect(api.callsTo("PATCH /api/v2/dags/etl_daily")).toHaveLength(0);
  const listedBefore = api.callsTo(RECENT).length;
  release();
  await waitFor(() => expect(api.callsTo("PATCH /api/v2/dags/etl_daily")).toHaveLength(1));
  expect(api.callsTo("PATCH /api/v2/dags/etl_daily")[0]?.body).toEqual({ is_paused: true });
  // The answer refreshes the list, which now says paused too.
  await waitFor(() => expect(api.callsTo(RECENT).length).toBeGreaterThan(listedBefore));
  expect(within(await rowOf("etl_daily")).getByRole("switch")).not.toBeChecked();
  expect(screen.queryByRole("alert")).not.toBeInTheDocument();
});

test("a refused PATCH puts the switch back and says why", async () => {
  api.on("PATCH /api/v2/dags/reporting", () => ({
    status: 403,
    body: { detail: "The User role is needed to unpause DAGs" },
  }));
  renderApp(api, "/dags", "User");
  const toggle = within(await rowOf("reporting")).getByRole("switch", {
    name: "Active: reporting",
  });
  await userEvent.click(toggle);
  expect(await screen.findByRole("alert")).toHaveTextContent(
    "Could not unpause: The User role is needed to unpause DAGs",
  );
  expect(toggle).not.toBeChecked();
  expect(api.callsTo("PATCH /api/v2/dags/reporting")[0]?.body).toEqual({ is_paused: false });
});

test("files that fail to load show in a banner: file, message, and the stack trace on demand", async () => {
  importErrors = [
    {
      import_error_id: 3,
      timestamp: "2026-03-01T05:59:00Z",
      filename: "/opt/dags/broken.ts",
      stack_trace:
        "SyntaxError: Unexpected token (4:2)\n    at compile (/app/runtime/loadDagFile.ts:40:11)",
      ...({ bundle_name: null } as object),
    },
  ];
  renderApp(api, "/dags", "Viewer");
  const banner = await screen.findByRole("region", { name: "1 DAG file has an import error" });
  expect(banner).toHaveTextContent("/opt/dags/broken.ts");
  expect(banner).toHaveTextContent("SyntaxError: Unexpected token (4:2)");
  const trace = within(banner).getByText(/at compile/);
  expect(trace.closest("details")).not.toHaveAttribute("open");
  await userEvent.click(within(banner).getByText("Stack trace"));
  expect(trace.closest("details")).toHaveAttribute("open");
});

test("no banner when every file loads", async () => {
  renderApp(api, "/dags", "Viewer");
  await rowOf("etl_daily");
  await waitFor(() => expect(api.callsTo("GET /api/v2/importErrors")).toHaveLength(1));
  expect(screen.queryByRole("region", { name: /import error/ })).not.toBeInTheDocument();
});

test("with no DAGs at all the list says where DAGs come from", async () => {
  dags = [];
  renderApp(api, "/dags", "Viewer");
  expect(await screen.findByText("No DAGs yet.")).toBeInTheDocument();
  expect(screen.getByText(/loads every/)).toHaveTextContent("DAGs folder (./dags unless");
  expect(screen.queryByRole("table")).not.toBeInTheDocument();
});

test("with filters that match nothing the list says so, and clearing them asks again", async () => {
  dags = [];
  renderApp(api, "/dags?tags=nothing&paused=true", "Viewer");
  expect(await screen.findByText("No DAG matches these filters.")).toBeInTheDocument();
  expect(lastList().query.getAll("tags")).toEqual(["nothing"]);
  dags = [etl()];
  await userEvent.click(screen.getByRole("button", { name: "Clear filters" }));
  await rowOf("etl_daily");
  expect(lastList().query.getAll("tags")).toEqual([]);
  expect(lastList().query.get("paused")).toBeNull();
});

test("a list the server cannot give says so in words", async () => {
  api.on(RECENT, () => ({ status: 500, body: { detail: "Internal Server Error" } }));
  renderApp(api, "/dags", "Viewer");
  expect(await screen.findByRole("alert")).toHaveTextContent(
    "The DAGs cannot be listed: Internal Server Error",
  );
});
