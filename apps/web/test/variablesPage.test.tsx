// The variables page: every role reads (JSON values laid out, masked values as the API sends
// them), the Op role and above add, edit and delete with the right requests, a Viewer gets no
// write buttons, and errors and empty lists say so in words.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Variable } from "../src/api/types";
import { installFakeApi } from "./support/fakeApi";
import { renderApp } from "./support/renderApp";

const api = installFakeApi();

const CONFIG: Variable = {
  key: "load_config",
  value: '{"batch_size":500,"tables":["sales","vehicles"]}',
  description: "What the incremental load copies",
  is_encrypted: false,
};
const SECRET: Variable = {
  key: "warehouse_api_key",
  value: "***",
  description: null,
  is_encrypted: true,
};
const PLAIN: Variable = {
  key: "region",
  value: "eu-west-1",
  description: null,
  is_encrypted: false,
};

let stored: Variable[] = [];
beforeEach(() => {
  stored = [CONFIG, PLAIN, SECRET];
  api.on("GET /api/v2/variables", ({ query }) => {
    const pattern = query.get("variable_key_pattern") ?? "";
    const offset = Number(query.get("offset") ?? 0);
    const limit = Number(query.get("limit") ?? 50);
    const rows = stored.filter((v) => v.key.includes(pattern));
    return { variables: rows.slice(offset, offset + limit), total_entries: rows.length };
  });
});

test("JSON values are laid out, masked ones stay masked, plain text stays as it is", async () => {
  renderApp(api, "/variables", "Viewer");
  const table = await screen.findByRole("table", { name: "Variables" });
  const json = within(table).getByText(/"batch_size": 500/);
  expect(json.tagName).toBe("PRE");
  expect(json.textContent).toBe(JSON.stringify(JSON.parse(CONFIG.value), null, 2));
  expect(within(table).getByText("***")).toBeInTheDocument();
  expect(within(table).getByText("eu-west-1").tagName).toBe("SPAN");
  expect(within(table).getByText("What the incremental load copies")).toBeInTheDocument();
});

test("a Viewer and a User get no write buttons", async () => {
  for (const role of ["Viewer", "User"] as const) {
    const { unmount } = renderApp(api, "/variables", role);
    await screen.findByRole("table", { name: "Variables" });
    expect(screen.queryByRole("button", { name: "Add variable" })).toBeNull();
    expect(screen.queryByRole("button", { name: /^(Edit|Delete) / })).toBeNull();
    unmount();
  }
});

test("an Op adds a variable: POST with key, value and description", async () => {
  api.on("POST /api/v2/variables", ({ body }) => {
    stored = [...stored, { ...(body as Variable), is_encrypted: false }];
    return { status: 201, body: { ...(body as object), is_encrypted: false } };
  });
  renderApp(api, "/variables", "Op");
  await userEvent.click(await screen.findByRole("button", { name: "Add variable" }));
  const dialog = await screen.findByRole("dialog", { name: "Add variable" });
  await userEvent.click(within(dialog).getByRole("button", { name: "Add variable" }));
  expect(within(dialog).getByRole("alert")).toHaveTextContent("Give the variable a key.");
  expect(api.callsTo("POST /api/v2/variables")).toHaveLength(0);
  await userEvent.type(within(dialog).getByLabelText("Key"), "alert_email");
  await userEvent.type(within(dialog).getByLabelText("Value"), "oncall@example.com");
  await userEvent.type(within(dialog).getByLabelText("Description"), "Who gets paged");
  await userEvent.click(within(dialog).getByRole("button", { name: "Add variable" }));
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  expect(api.callsTo("POST /api/v2/variables")[0]?.body).toEqual({
    key: "alert_email",
    value: "oncall@example.com",
    description: "Who gets paged",
  });
  expect(await screen.findByText("oncall@example.com")).toBeInTheDocument();
});

test("editing a masked value sends *** back unchanged (the API keeps the stored one)", async () => {
  api.on("PATCH /api/v2/variables/warehouse_api_key", () => SECRET);
  renderApp(api, "/variables", "Op");
  await userEvent.click(await screen.findByRole("button", { name: "Edit warehouse_api_key" }));
  const dialog = await screen.findByRole("dialog", { name: "Edit variable warehouse_api_key" });
  expect(within(dialog).getByLabelText("Key")).toHaveAttribute("readonly");
  expect(within(dialog).getByLabelText("Value")).toHaveValue("***");
  expect(within(dialog).getByText(/hidden because the key names a secret/)).toBeInTheDocument();
  await userEvent.type(within(dialog).getByLabelText("Description"), "Rotated monthly");
  await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
  await waitFor(() =>
    expect(api.callsTo("PATCH /api/v2/variables/warehouse_api_key")).toHaveLength(1),
  );
  const call = api.callsTo("PATCH /api/v2/variables/warehouse_api_key")[0]!;
  expect(call.query.getAll("update_mask")).toEqual(["value", "description"]);
  expect(call.body).toEqual({
    key: "warehouse_api_key",
    value: "***",
    description: "Rotated monthly",
  });
});

test("deleting asks first; the server's refusal is shown in its words", async () => {
  api.on("DELETE /api/v2/variables/region", () => ({
    status: 403,
    body: { detail: "Forbidden: this needs the Op role, you have User" },
  }));
  renderApp(api, "/variables", "Op");
  await userEvent.click(await screen.findByRole("button", { name: "Delete region" }));
  const dialog = await screen.findByRole("dialog", { name: "Delete variable region?" });
  await userEvent.click(within(dialog).getByRole("button", { name: "Delete" }));
  expect(await within(dialog).findByRole("alert")).toHaveTextContent(
    "Forbidden: this needs the Op role, you have User",
  );
  expect(api.callsTo("DELETE /api/v2/variables/region")).toHaveLength(1);
  expect(screen.getByText("eu-west-1")).toBeInTheDocument();
});

test("search sends variable_key_pattern and an empty answer says so", async () => {
  renderApp(api, "/variables", "Viewer");
  await screen.findByRole("table", { name: "Variables" });
  await userEvent.type(screen.getByLabelText("Search variables"), "nothing");
  expect(await screen.findByText("No variable key contains “nothing”.")).toBeInTheDocument();
  expect(api.callsTo("GET /api/v2/variables").at(-1)?.query.get("variable_key_pattern")).toBe(
    "nothing",
  );
});

test("none at all: the empty state tells an Op where variables come from", async () => {
  stored = [];
  renderApp(api, "/variables", "Op");
  expect(await screen.findByText(/No variables yet. Add one, or set AIRFLOW_VAR_/)).toBeVisible();
});

test("long lists page through with offset", async () => {
  stored = Array.from({ length: 30 }, (_, i) => ({
    key: `var_${String(i).padStart(2, "0")}`,
    value: String(i),
    description: null,
    is_encrypted: false,
  }));
  renderApp(api, "/variables", "Viewer");
  const pages = await screen.findByRole("navigation", { name: "Variables pages" });
  expect(pages).toHaveTextContent("1–25 of 30");
  await userEvent.click(within(pages).getByRole("button", { name: "Next" }));
  expect(await screen.findByText("var_29")).toBeInTheDocument();
  expect(api.callsTo("GET /api/v2/variables").at(-1)?.query.get("offset")).toBe("25");
  expect(pages).toHaveTextContent("26–30 of 30");
});

test("a list the server cannot give says why", async () => {
  api.on("GET /api/v2/variables", () => ({ status: 503, body: null }));
  renderApp(api, "/variables", "Viewer");
  expect(await screen.findByRole("alert")).toHaveTextContent(
    "Variables could not be loaded: The server answered 503.",
  );
});
