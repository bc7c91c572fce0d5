// The trigger dialog: a form generated from the DAG's params (each JSON-schema type its own
// input), checked as the user types, kept in step with the configuration JSON, sending Airflow's
// TriggerDAGRunPostBody, showing the API's refusal in words and opening the new run's page.
import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { DagParam, TriggerDagRunBody } from "../src/api/types";
import { dateToLocalInput } from "../src/components/trigger/localDateTime";
import { dagDetailsPayload, dagPayload, dagRunPayload, paramPayload } from "./dagsPayloads";
import { installFakeApi } from "./support/fakeApi";
import { renderApp } from "./support/renderApp";

// Typing into a large form is slow on a loaded machine: give each wait more than the 1 s default.
configure({ asyncUtilTimeout: 5_000 });

const DAG = "etl_daily";
const DETAILS = `GET /api/v2/dags/${DAG}/details`;
const TRIGGER = `POST /api/v2/dags/${DAG}/dagRuns`;

const PARAMS: Record<string, DagParam> = {
  region: paramPayload("eu", {
    type: "string",
    title: "Region",
    enum: ["eu", "us"],
    values_display: { eu: "Europe", us: "United States" },
  }),
  batch_size: paramPayload(
    100,
    { type: "integer", title: "Batch size", minimum: 1, maximum: 500 },
    { description: "Rows per insert" },
  ),
  full_refresh: paramPayload(false, { type: "boolean", title: "Full refresh" }),
  run_date: paramPayload("2026-03-01", { type: "string", format: "date", title: "Run date" }),
  not_before: paramPayload(null, { type: ["string", "null"], format: "date-time" }),
  at_time: paramPayload("06:00:00", { type: "string", format: "time", title: "At" }),
  tables: paramPayload(["sales", "stock"], { type: "array", items: { type: "string" } }),
  options: paramPayload({ dry: false }, { type: "object", title: "Options" }),
  ratio: paramPayload(0.5, { type: "number", title: "Ratio", exclusiveMaximum: 1 }),
  target: paramPayload(
    null,
    { type: "string", title: "Target table", minLength: 3 },
    {
      has_default: false,
    },
  ),
};

const api = installFakeApi({
  "GET /api/v2/ui/dags/recent_dag_runs": () => ({
    dags: [dagPayload(DAG), dagPayload("no_params")],
    total_entries: 2,
  }),
  "GET /api/v2/importErrors": () => ({ import_errors: [], total_entries: 0 }),
  "GET /api/v2/dagTags": () => ({ tags: [], total_entries: 0 }),
  [DETAILS]: () => dagDetailsPayload(DAG, PARAMS),
  "GET /api/v2/dags/no_params/details": () => dagDetailsPayload("no_params", {}),
});

beforeEach(() => {
  api.on(DETAILS, () => dagDetailsPayload(DAG, PARAMS));
  api.on(TRIGGER, (request) => ({
    ...dagRunPayload(
      DAG,
      (request.body as TriggerDagRunBody).dag_run_id ?? "manual__auto",
      "queued",
    ),
    run_type: "manual",
  }));
});

async function openDialog(dagId = DAG) {
  renderApp(api, "/dags", "User");
  await userEvent.click(await screen.findByRole("button", { name: `Trigger ${dagId}` }));
  const dialog = await screen.findByRole("dialog", { name: `Trigger ${dagId}` });
  await within(dialog).findByRole("button", { name: "Trigger" });
  return dialog;
}

const confBox = (dialog: HTMLElement) =>
  within(dialog).getByRole<HTMLTextAreaElement>("textbox", { name: "Configuration JSON" });

const confShown = (dialog: HTMLElement): unknown => JSON.parse(confBox(dialog).value);

test("each param gets the input its schema calls for, labelled by its title, with its help", async () => {
  const dialog = await openDialog();
  const region = within(dialog).getByRole("combobox", { name: "Region" });
  expect(
    within(region)
      .getAllByRole("option")
      .map((o) => o.textContent),
  ).toEqual(["Europe", "United States"]);
  expect(region).toHaveDisplayValue("Europe");
  const batch = within(dialog).getByRole("textbox", { name: "Batch size" });
  expect(batch).toHaveValue("100");
  expect(batch).toHaveAccessibleDescription("Rows per insert");
  expect(within(dialog).getByRole("checkbox", { name: "Full refresh" })).not.toBeChecked();
  expect(within(dialog).getByLabelText("Run date")).toHaveAttribute("type", "date");
  expect(within(dialog).getByLabelText("Run date")).toHaveValue("2026-03-01");
  expect(within(dialog).getByLabelText("not_before")).toHaveAttribute("type", "datetime-local");
  expect(within(dialog).getByLabelText("At")).toHaveAttribute("type", "time");
  expect(within(dialog).getByRole("textbox", { name: "tables" })).toHaveValue("sales\nstock");
  expect(within(dialog).getByRole("textbox", { name: "tables" })).toHaveAccessibleDescription(
    "One item per line.",
  );
  expect(within(dialog).getByRole("textbox", { name: "Options" })).toHaveValue(
    '{\n  "dry": false\n}',
  );
  const target = within(dialog).getByRole("textbox", { name: "Target table" });
  expect(target).toHaveValue("");
  expect(target).toHaveAttribute("aria-required", "true");
  expect(confShown(dialog)).toEqual({
    region: "eu",
    batch_size: 100,
    full_refresh: false,
    run_date: "2026-03-01",
    not_before: null,
    at_time: "06:00:00",
    tables: ["sales", "stock"],
    options: { dry: false },
    ratio: 0.5,
    target: "",
  });
});

test("values are checked as they are typed; messages name the field and block the trigger", async () => {
  const dialog = await openDialog();
  const batch = within(dialog).getByRole("textbox", { name: "Batch size" });
  await userEvent.clear(batch);
  await userEvent.type(batch, "abc");
  await userEvent.tab();
  expect(batch).toHaveAttribute("aria-invalid", "true");
  expect(batch).toHaveAccessibleDescription(
    'Rows per insert Batch size: must be a whole number (like 42), got "abc"',
  );
  await userEvent.clear(batch);
  await userEvent.type(batch, "900");
  expect(within(dialog).getByText("Batch size: must be at most 500, got 900")).toBeInTheDocument();
  const ratio = within(dialog).getByRole("textbox", { name: "Ratio" });
  await userEvent.clear(ratio);
  await userEvent.type(ratio, "1");
  await userEvent.tab();
  expect(within(dialog).getByText("Ratio: must be less than 1, got 1")).toBeInTheDocument();

  await userEvent.click(within(dialog).getByRole("button", { name: "Trigger" }));
  const alert = within(dialog).getByRole("alert");
  expect(alert).toHaveTextContent("Fix these 3 problems to trigger:");
  expect(alert).toHaveTextContent("Target table: is required");
  expect(api.callsTo(TRIGGER)).toHaveLength(0);

  await userEvent.type(within(dialog).getByRole("textbox", { name: "Target table" }), "ab");
  expect(
    within(dialog).getByText('Target table: must be at least 3 characters long, got "ab"'),
  ).toBeInTheDocument();
});

test("the fields and the configuration JSON follow each other; bad JSON says where", async () => {
  const dialog = await openDialog();
  const batch = within(dialog).getByRole("textbox", { name: "Batch size" });
  await userEvent.clear(batch);
  await userEvent.type(batch, "250");
  await userEvent.click(within(dialog).getByRole("checkbox", { name: "Full refresh" }));
  await userEvent.selectOptions(
    within(dialog).getByRole("combobox", { name: "Region" }),
    "United States",
  );
  expect(confShown(dialog)).toMatchObject({ batch_size: 250, full_refresh: true, region: "us" });

  await userEvent.click(within(dialog).getByText("Advanced"));
  const box = confBox(dialog);
  await userEvent.clear(box);
  await userEvent.paste('{"region": "eu", "batch_size": 7, "tables": ["a"], "extra": 1}');
  expect(within(dialog).getByRole("combobox", { name: "Region" })).toHaveDisplayValue("Europe");
  expect(batch).toHaveValue("7");
  expect(within(dialog).getByRole("textbox", { name: "tables" })).toHaveValue("a");
  // Left out of the JSON: back to the default.
  expect(within(dialog).getByRole("checkbox", { name: "Full refresh" })).not.toBeChecked();

  await userEvent.clear(box);
  await userEvent.paste('{\n  "region": eu\n}');
  expect(box).toHaveAttribute("aria-invalid", "true");
  expect(box).toHaveAccessibleDescription(/^Configuration JSON: .* at line 2, column 13$/);
  await userEvent.type(within(dialog).getByRole("textbox", { name: "Target table" }), "sales");
  await userEvent.click(within(dialog).getByRole("button", { name: "Trigger" }));
  expect(within(dialog).getByRole("alert")).toHaveTextContent("Configuration JSON:");
  expect(api.callsTo(TRIGGER)).toHaveLength(0);
});

test("Trigger posts the conf, the logical date in UTC, run id and note, then opens the run", async () => {
  const dialog = await openDialog();
  await userEvent.type(within(dialog).getByRole("textbox", { name: "Target table" }), "sales");
  await userEvent.click(within(dialog).getByText("Advanced"));
  const date = within(dialog).getByLabelText("Logical date");
  const local = dateToLocalInput(new Date("2026-03-01T10:00:00Z"));
  await userEvent.clear(date);
  await userEvent.type(date, local);
  await userEvent.type(
    within(dialog).getByRole("textbox", { name: "Run ID" }),
    "manual__backfill_1",
  );
  await userEvent.type(within(dialog).getByRole("textbox", { name: "Note" }), "re-run for March");
  await userEvent.click(within(dialog).getByRole("button", { name: "Trigger" }));
  await waitFor(() => expect(api.callsTo(TRIGGER)).toHaveLength(1));
  expect(api.callsTo(TRIGGER)[0]?.body).toEqual({
    logical_date: "2026-03-01T10:00:00Z",
    conf: {
      region: "eu",
      batch_size: 100,
      full_refresh: false,
      run_date: "2026-03-01",
      not_before: null,
      at_time: "06:00:00",
      tables: ["sales", "stock"],
      options: { dry: false },
      ratio: 0.5,
      target: "sales",
    },
    dag_run_id: "manual__backfill_1",
    note: "re-run for March",
  });
  expect(
    await screen.findByRole("heading", { level: 1, name: "Run manual__backfill_1" }),
  ).toBeInTheDocument();
  expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
});

test("a DAG without params: the Advanced area is open; an empty logical date sends null", async () => {
  api.on("POST /api/v2/dags/no_params/dagRuns", () =>
    dagRunPayload("no_params", "manual__2026-03-01T10:00:00+00:00", "queued"),
  );
  const dialog = await openDialog("no_params");
  expect(within(dialog).getByText(/This DAG has no params/)).toBeInTheDocument();
  expect(within(dialog).getByText("Advanced").closest("details")).toHaveAttribute("open");
  expect(within(dialog).getByLabelText("Logical date")).not.toHaveValue("");
  await userEvent.clear(within(dialog).getByLabelText("Logical date"));
  await userEvent.click(within(dialog).getByRole("button", { name: "Trigger" }));
  await waitFor(() => expect(api.callsTo("POST /api/v2/dags/no_params/dagRuns")).toHaveLength(1));
  expect(api.callsTo("POST /api/v2/dags/no_params/dagRuns")[0]?.body).toEqual({
    logical_date: null,
    conf: {},
  });
  expect(
    await screen.findByRole("heading", { level: 1, name: "Run manual__2026-03-01T10:00:00+00:00" }),
  ).toBeInTheDocument();
});

test.each([
  [400, 'invalid params: params.target: must NOT have fewer than 3 characters, got "abc"'],
  [409, "A DAG Run of DAG 'etl_daily' with run_id 'manual__taken' already exists"],
])("the API's %i detail shows in the dialog, which stays open", async (status, detail) => {
  api.on(TRIGGER, () => ({ status, body: { detail } }));
  const dialog = await openDialog();
  await userEvent.type(within(dialog).getByRole("textbox", { name: "Target table" }), "abc");
  await userEvent.click(within(dialog).getByRole("button", { name: "Trigger" }));
  expect(await within(dialog).findByRole("alert")).toHaveTextContent(
    `The run was not created: ${detail}`,
  );
  expect(screen.getByRole("dialog", { name: `Trigger ${DAG}` })).toBeInTheDocument();
});

test("Cancel closes the dialog without triggering", async () => {
  const dialog = await openDialog();
  await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
  expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  expect(api.callsTo(TRIGGER)).toHaveLength(0);
});

test("params that cannot be read are said so in words", async () => {
  api.on(DETAILS, () => ({
    status: 404,
    body: { detail: "The Dag with ID: `etl_daily` was not found" },
  }));
  renderApp(api, "/dags", "User");
  await userEvent.click(await screen.findByRole("button", { name: `Trigger ${DAG}` }));
  const dialog = await screen.findByRole("dialog", { name: `Trigger ${DAG}` });
  expect(await within(dialog).findByRole("alert")).toHaveTextContent(
    "The DAG's params cannot be read: The Dag with ID: `etl_daily` was not found",
  );
});
