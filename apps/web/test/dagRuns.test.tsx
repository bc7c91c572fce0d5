// The run lists — the DAG page's Runs tab and the every-DAG Runs page: the table, and filters,
// order and pages sent to the API as Airflow's query parameters.
import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { DagRun } from "../src/api/types";
import { dagRunListQuery, localDateTimeToIso } from "../src/routes/dagRun/dagRunListQuery";
import { type FakeRequest, installFakeApi } from "./support/fakeApi";
import { answerDagPage, DAG_ID, dagRun, NEW_RUN, OLD_RUN } from "./support/dagPageFixtures";
import { renderApp } from "./support/renderApp";

// The first render of the whole App can take more than a second on a busy machine.
configure({ asyncUtilTimeout: 5000 });

const api = installFakeApi();
const LIST = `GET /api/v2/dags/${DAG_ID}/dagRuns`;
const ALL = "GET /api/v2/dags/~/dagRuns";

const RUNS: DagRun[] = [
  dagRun(),
  dagRun({
    dag_run_id: OLD_RUN,
    run_type: "scheduled",
    state: "success",
    logical_date: "2025-06-01T00:00:00Z",
    run_after: "2025-06-02T00:00:00Z",
    start_date: "2025-06-02T00:00:02Z",
    end_date: "2025-06-02T00:10:02Z",
    duration: 600,
    triggered_by: "timetable",
    conf: {},
  }),
];

/** Answers the list with `runs` out of `total`, recording each query. */
function answerList(route: string, runs: readonly DagRun[], total = runs.length) {
  api.on(route, () => ({ dag_runs: runs, total_entries: total }));
}
const lastQuery = (route: string): Record<string, string | string[]> => {
  const query = api.callsTo(route).at(-1)?.query ?? new URLSearchParams();
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
};
const queried = (route: string, expected: Record<string, string | string[]>) =>
  waitFor(() => expect(lastQuery(route)).toEqual(expected));

beforeEach(() => {
  answerDagPage(api);
  answerList(LIST, RUNS);
  answerList(ALL, RUNS);
});

test("the Runs tab lists the DAG's runs, newest run-after first", async () => {
  renderApp(api, `/dags/${DAG_ID}/runs`, "Viewer");
  const table = await screen.findByRole("table");
  await queried(LIST, { order_by: "-run_after", limit: "25", offset: "0" });
  const rows = within(table).getAllByRole("row").slice(1);
  expect(rows).toHaveLength(2);
  const link = within(rows[1]!).getByRole("link", { name: OLD_RUN });
  expect(link).toHaveAttribute("href", `/dags/${DAG_ID}/runs/${encodeURIComponent(OLD_RUN)}`);
  expect(rows[1]).toHaveTextContent("success");
  expect(rows[1]).toHaveTextContent("scheduled");
  expect(rows[1]).toHaveTextContent("10m 00s");
  expect(rows[1]).toHaveTextContent("timetable");
  expect(rows[0]).toHaveTextContent("rest api");
  expect(screen.getByRole("columnheader", { name: "Run after" })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
});

test("each filter is sent as Airflow's parameter and goes back to the first page", async () => {
  answerList(LIST, RUNS, 60);
  const user = userEvent.setup();
  renderApp(api, `/dags/${DAG_ID}/runs`, "Viewer");
  await screen.findByRole("table");
  await user.click(screen.getByRole("button", { name: "Next" }));
  await queried(LIST, { order_by: "-run_after", limit: "25", offset: "25" });

  await user.click(screen.getByRole("checkbox", { name: "failed" }));
  await user.click(screen.getByRole("checkbox", { name: "running" }));
  await queried(LIST, {
    state: ["failed", "running"],
    order_by: "-run_after",
    limit: "25",
    offset: "0",
  });
  await user.selectOptions(screen.getByLabelText("Run type"), "manual");
  await user.type(screen.getByLabelText("Run after from"), "2025-06-01T08:00");
  await user.type(screen.getByLabelText("Run after to"), "2025-06-02T20:30");
  await user.type(screen.getByLabelText("Run ID"), "manual__");
  await queried(LIST, {
    state: ["failed", "running"],
    run_type: "manual",
    run_after_gte: new Date("2025-06-01T08:00").toISOString(),
    run_after_lte: new Date("2025-06-02T20:30").toISOString(),
    run_id_pattern: "manual__",
    order_by: "-run_after",
    limit: "25",
    offset: "0",
  });

  await user.click(screen.getByRole("checkbox", { name: "failed" }));
  await queried(LIST, {
    state: "running",
    run_type: "manual",
    run_after_gte: new Date("2025-06-01T08:00").toISOString(),
    run_after_lte: new Date("2025-06-02T20:30").toISOString(),
    run_id_pattern: "manual__",
    order_by: "-run_after",
    limit: "25",
    offset: "0",
  });
  // Back to the unfiltered first page (answered from the cache: it was asked for first).
  await user.click(screen.getByRole("button", { name: "Clear filters" }));
  expect(screen.getByLabelText("Run ID")).toHaveValue("");
  expect(screen.getByLabelText("Run type")).toHaveValue("");
  expect(screen.getByLabelText("Run after from")).toHaveValue("");
  expect(screen.getByRole("checkbox", { name: "running" })).not.toBeChecked();
  expect(screen.getByRole("button", { name: "Clear filters" })).toBeDisabled();
  expect(screen.getByRole("navigation", { name: "DAG runs pages" })).toHaveTextContent(
    "1–25 of 60",
  );
});

test("pages move by the page size and say where they are", async () => {
  answerList(LIST, RUNS, 60);
  const user = userEvent.setup();
  renderApp(api, `/dags/${DAG_ID}/runs`, "Viewer");
  const pages = await screen.findByRole("navigation", { name: "DAG runs pages" });
  expect(pages).toHaveTextContent("1–25 of 60");
  expect(within(pages).getByRole("button", { name: "Previous" })).toBeDisabled();
  await user.click(within(pages).getByRole("button", { name: "Next" }));
  await user.click(within(pages).getByRole("button", { name: "Next" }));
  await queried(LIST, { order_by: "-run_after", limit: "25", offset: "50" });
  expect(pages).toHaveTextContent("51–60 of 60");
  expect(within(pages).getByRole("button", { name: "Next" })).toBeDisabled();
  await user.selectOptions(screen.getByLabelText("Runs per page"), "50");
  await queried(LIST, { order_by: "-run_after", limit: "50", offset: "0" });
  await user.click(within(pages).getByRole("button", { name: "Next" }));
  await queried(LIST, { order_by: "-run_after", limit: "50", offset: "50" });
  expect(pages).toHaveTextContent("51–60 of 60");
  await user.click(within(pages).getByRole("button", { name: "Previous" }));
  expect(pages).toHaveTextContent("1–50 of 60");
});

test("a column header orders by its attribute, ascending first, then descending", async () => {
  const user = userEvent.setup();
  renderApp(api, `/dags/${DAG_ID}/runs`, "Viewer");
  await screen.findByRole("table");
  await user.click(screen.getByRole("button", { name: /^Started/ }));
  await queried(LIST, { order_by: "start_date", limit: "25", offset: "0" });
  expect(screen.getByRole("columnheader", { name: "Started" })).toHaveAttribute(
    "aria-sort",
    "ascending",
  );
  await user.click(screen.getByRole("button", { name: /^Started/ }));
  await queried(LIST, { order_by: "-start_date", limit: "25", offset: "0" });
  expect(screen.getByRole("columnheader", { name: "Started" })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  expect(screen.getByRole("columnheader", { name: "Run after" })).toHaveAttribute(
    "aria-sort",
    "none",
  );
});

test("the Runs page lists every DAG's runs with the DAG, and searches DAG ids", async () => {
  const user = userEvent.setup();
  renderApp(api, "/runs", "Viewer");
  expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent("DAG runs");
  const table = await screen.findByRole("table");
  expect(within(table).getAllByRole("link", { name: "Sales ETL" })[0]).toHaveAttribute(
    "href",
    `/dags/${DAG_ID}`,
  );
  expect(within(table).getByRole("link", { name: NEW_RUN })).toBeInTheDocument();
  await user.type(screen.getByLabelText("DAG ID"), "sales");
  await queried(ALL, { dag_id_pattern: "sales", order_by: "-run_after", limit: "25", offset: "0" });
  expect(api.callsTo(LIST)).toHaveLength(0);
});

test("an empty list says why: no runs yet, or none matching the filters", async () => {
  answerList(LIST, []);
  const user = userEvent.setup();
  renderApp(api, `/dags/${DAG_ID}/runs`, "Viewer");
  expect(await screen.findByText(/This DAG has no runs yet/)).toBeInTheDocument();
  await user.click(screen.getByRole("checkbox", { name: "queued" }));
  expect(await screen.findByText("No runs match these filters.")).toBeInTheDocument();
});

test("the API's refusal is shown in its words", async () => {
  api.on(LIST, (request: FakeRequest) =>
    request.query.has("run_after_gte")
      ? {
          status: 422,
          body: {
            detail: [
              {
                type: "datetime_from_date_parsing",
                loc: ["query", "run_after_gte"],
                msg: "Input should be a valid datetime or date",
                input: "x",
              },
            ],
          },
        }
      : { dag_runs: RUNS, total_entries: 2 },
  );
  renderApp(api, `/dags/${DAG_ID}/runs`, "Viewer");
  await screen.findByRole("table");
  await userEvent.type(screen.getByLabelText("Run after from"), "2025-06-01T08:00");
  expect(await screen.findByRole("alert")).toHaveTextContent(
    "The runs cannot be listed: run_after_gte: Input should be a valid datetime or date",
  );
});

describe("dagRunListQuery", () => {
  test("keeps only what the API accepts, with the default order and page", () => {
    const params = new URLSearchParams(
      "state=running&state=bogus&run_type=manual&run_type=nope&limit=7&offset=-3&dag_id_pattern=x",
    );
    expect(dagRunListQuery(params, { acrossDags: false })).toEqual({
      state: ["running"],
      run_type: ["manual"],
      run_after_gte: undefined,
      run_after_lte: undefined,
      run_id_pattern: undefined,
      order_by: "-run_after",
      limit: 25,
      offset: 0,
    });
    expect(dagRunListQuery(params, { acrossDags: true }).dag_id_pattern).toBe("x");
  });

  test("reads a local date-time input as an instant, and ignores what is not one", () => {
    expect(localDateTimeToIso("2025-06-01T08:00")).toBe(new Date(2025, 5, 1, 8, 0).toISOString());
    expect(localDateTimeToIso("")).toBeUndefined();
    expect(localDateTimeToIso("yesterday")).toBeUndefined();
  });
});
