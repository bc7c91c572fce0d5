// The DAG page's frame and its Code and Details tabs: the header in an operator's words, tabs as
// links, the DAG file's source, and the details with docs rendered from Markdown (never raw HTML)
// and the params as a table.
import { configure, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describeSchema } from "../src/routes/dag/DagParamsTable";
import { isoDurationSeconds } from "../src/routes/dag/isoDurationSeconds";
import { scheduleInWords } from "../src/routes/dag/scheduleInWords";
import { installFakeApi } from "./support/fakeApi";
import { answerDagPage, DAG_ID, dagDetails } from "./support/dagPageFixtures";
import { renderApp } from "./support/renderApp";

// The first render of the whole App can take more than a second on a busy machine.
configure({ asyncUtilTimeout: 5000 });

const api = installFakeApi();

const SOURCE = [
  'import { dag, PythonOperator } from "@updraft/sdk";',
  "",
  'export default dag({ dagId: "etl_sales", schedule: "0 3 * * *" }, () => {',
  '  new PythonOperator({ taskId: "extract", pythonCallable: () => 1 });',
  "});",
].join("\n");

const DOC_MD = [
  "# Sales ETL",
  "",
  "Loads **yesterday's** sales. See [the runbook](https://wiki.example.com/etl).",
  "",
  '<script>window.pwned = true</script><img src=x onerror="window.pwned = true">',
  "",
  "[click me](javascript:alert(1))",
].join("\n");

beforeEach(() => {
  answerDagPage(
    api,
    dagDetails({
      doc_md: DOC_MD,
      params: {
        full_refresh: {
          __class: "airflow.sdk.definitions.param.Param",
          value: false,
          description: "Rebuild every table from scratch",
          schema: { type: "boolean", title: "Full refresh" },
        },
        batch_size: {
          __class: "airflow.sdk.definitions.param.Param",
          value: 500,
          description: null,
          schema: { type: "integer", minimum: 1, maximum: 10000 },
        },
        region: {
          __class: "airflow.sdk.definitions.param.Param",
          value: "south",
          description: "Which stores",
          schema: { type: "string", enum: ["north", "south"] },
        },
      },
    }),
  );
  api.on(`GET /api/v2/dagSources/${DAG_ID}`, () => ({
    content: SOURCE,
    dag_id: DAG_ID,
    version_number: null,
    dag_display_name: "Sales ETL",
  }));
});

test("the header names the DAG and its schedule in words; the tabs are links", async () => {
  renderApp(api, `/dags/${DAG_ID}`, "Viewer");
  expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent("Sales ETL");
  const summary = document.querySelector(".dag-summary")!;
  expect(summary).toHaveTextContent("ScheduleAt 03:00");
  expect(summary).toHaveTextContent("Ownerdata-eng");
  expect(summary).toHaveTextContent("Tagssaleswarehouse");
  expect(screen.getByText("Loads the day's sales into the warehouse")).toBeInTheDocument();
  const tabs = screen.getByRole("navigation", { name: "DAG views" });
  const links = within(tabs).getAllByRole("link");
  expect(links.map((l) => [l.textContent, l.getAttribute("href")])).toEqual([
    ["Grid", `/dags/${DAG_ID}`],
    ["Graph", `/dags/${DAG_ID}/graph`],
    ["Runs", `/dags/${DAG_ID}/runs`],
    ["Code", `/dags/${DAG_ID}/code`],
    ["Details", `/dags/${DAG_ID}/details`],
  ]);
  expect(within(tabs).getByRole("link", { name: "Grid" })).toHaveClass("active");
  await userEvent.click(within(tabs).getByRole("link", { name: "Code" }));
  expect(await screen.findByLabelText("DAG source")).toBeInTheDocument();
  expect(within(tabs).getByRole("link", { name: "Code" })).toHaveClass("active");
  expect(within(tabs).getByRole("link", { name: "Grid" })).not.toHaveClass("active");
});

test.each([
  ["Viewer", false],
  ["User", true],
] as const)(
  "a %s sees the pause switch (usable: %s) and Trigger only if allowed",
  async (role, can) => {
    renderApp(api, `/dags/${DAG_ID}`, role);
    const toggle = await screen.findByRole("switch", { name: `Active: ${DAG_ID}` });
    expect(toggle).toBeChecked();
    expect(toggle).toHaveProperty("disabled", !can);
    expect(screen.queryByRole("button", { name: "Trigger" }) !== null).toBe(can);
  },
);

test("a paused DAG's next run reads Paused", async () => {
  answerDagPage(api, dagDetails({ is_paused: true }));
  renderApp(api, `/dags/${DAG_ID}`, "Viewer");
  await screen.findByRole("heading", { level: 1 });
  expect(document.querySelector(".dag-summary")).toHaveTextContent("Next runPaused");
});

test("the Code tab shows the DAG file's source, a line per line, and where the file is", async () => {
  renderApp(api, `/dags/${DAG_ID}/code`, "Viewer");
  const code = await screen.findByLabelText("DAG source");
  expect(code.textContent).toBe(`${SOURCE}\n`);
  expect(code.querySelectorAll(".code-line")).toHaveLength(5);
  expect(screen.getByText("etl_sales.ts")).toBeInTheDocument();
});

test("the Code tab says so when the API server cannot read the file", async () => {
  api.on(`GET /api/v2/dagSources/${DAG_ID}`, () => ({
    content: null,
    dag_id: DAG_ID,
    version_number: null,
  }));
  renderApp(api, `/dags/${DAG_ID}/code`, "Viewer");
  expect(await screen.findByText("The API server cannot read this DAG's file.")).toBeVisible();
});

test("the Details tab renders the docs as Markdown and leaves raw HTML as text", async () => {
  renderApp(api, `/dags/${DAG_ID}/details`, "Viewer");
  const docs = await screen.findByRole("region", { name: "Documentation" });
  expect(within(docs).getByRole("heading", { level: 1, name: "Sales ETL" })).toBeInTheDocument();
  expect(within(docs).getByText("yesterday's").tagName).toBe("STRONG");
  expect(within(docs).getByRole("link", { name: "the runbook" })).toHaveAttribute(
    "href",
    "https://wiki.example.com/etl",
  );
  expect(docs.querySelector("script, img")).toBeNull();
  expect(docs).toHaveTextContent("<script>window.pwned = true</script>");
  expect(within(docs).queryByRole("link", { name: "click me" })).toBeNull();
  expect((window as { pwned?: boolean }).pwned).toBeUndefined();
});

test("the Details tab lists the params with default, description and type", async () => {
  renderApp(api, `/dags/${DAG_ID}/details`, "Viewer");
  const table = await screen.findByRole("table", { name: "Params" });
  const rows = within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) => [...row.querySelectorAll("th, td")].map((c) => c.textContent));
  expect(rows).toEqual([
    ["full_refreshFull refresh", "false", "Rebuild every table from scratch", "boolean"],
    ["batch_size", "500", "", "integer ≥ 1 ≤ 10000"],
    ["region", '"south"', "Which stores", 'string one of "north", "south"'],
  ]);
  const facts = screen.getByRole("region", { name: "DAG" });
  expect(facts).toHaveTextContent("Dag run timeout2h 00m");
  expect(facts).toHaveTextContent("CatchupNo");
  expect(facts).toHaveTextContent("TimezoneUTC");
  expect(facts).toHaveTextContent("Max active runs1");
  const defaults = screen.getByRole("table", { name: "Default args" });
  expect(defaults).toHaveTextContent('owner"data-eng"');
  expect(defaults).toHaveTextContent("retries2");
});

test("a DAG that is not there is an error in words", async () => {
  const missing = () => ({
    status: 404,
    body: { detail: `Dag with id ${DAG_ID} was not found` },
  });
  api.on(`GET /api/v2/dags/${DAG_ID}`, missing);
  api.on(`GET /api/v2/dags/${DAG_ID}/details`, missing);
  renderApp(api, `/dags/${DAG_ID}/details`, "Viewer");
  expect(await screen.findByRole("alert")).toHaveTextContent(
    `The DAG ${DAG_ID} cannot be shown: Dag with id ${DAG_ID} was not found`,
  );
});

describe("isoDurationSeconds", () => {
  test.each([
    ["PT0S", 0],
    ["PT1H", 3600],
    ["P1DT30S", 86_430],
    ["PT1M30.5S", 90.5],
    ["-PT5M", -300],
    ["P2W", 1_209_600],
  ])("%s is %d seconds", (text, seconds) => expect(isoDurationSeconds(text)).toBe(seconds));

  test.each([[null], ["P"], ["PT"], ["1 hour"]])("%s is not a duration", (text) =>
    expect(isoDurationSeconds(text)).toBeNull(),
  );
});

describe("scheduleInWords", () => {
  test.each([
    ["0 3 * * *", "At 03:00", "At 03:00"],
    ["*/15 * * * *", null, "Every 15 minutes"],
    ["@daily", null, "@daily"],
    [null, null, "Not scheduled"],
    ["None", "", "Not scheduled"],
  ])("%s (Airflow says %s) reads %s", (summary, description, words) =>
    expect(
      scheduleInWords({ timetable_summary: summary, timetable_description: description }),
    ).toBe(words),
  );
});

test("describeSchema says a schema in a few words", () => {
  expect(describeSchema(undefined)).toBe("any");
  expect(describeSchema({ type: ["string", "null"], format: "date" })).toBe(
    "string or null (date)",
  );
});
