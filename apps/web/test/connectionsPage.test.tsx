// The connections page: the password is write-only (never in the page, even if the API sent
// one; an edit that leaves it empty sends neither it nor its name in the update_mask), Admins
// alone get the write buttons, Viewers and Users are told the page is not theirs, the extra
// field must be a JSON object before anything is sent, and errors and empty lists say so.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Connection } from "../src/api/types";
import { installFakeApi } from "./support/fakeApi";
import { renderApp } from "./support/renderApp";

const api = installFakeApi();

const WAREHOUSE: Connection = {
  connection_id: "warehouse",
  conn_type: "snowflake",
  description: "The star schema",
  host: "acme.snowflakecomputing.com",
  login: "loader",
  schema: "ANALYTICS",
  port: null,
  // A server that forgot to mask it: the page must still never show it.
  password: "hunter2-plain",
  extra: '{"warehouse": "LOAD_WH", "role": "LOADER", "private_key": "***"}',
};
const SOURCE: Connection = {
  connection_id: "dealership_source",
  conn_type: "postgres",
  description: null,
  host: "db.internal",
  login: "reader",
  schema: "dealership",
  port: 5432,
  password: "***",
  extra: null,
};

let stored: Connection[] = [];
beforeEach(() => {
  stored = [SOURCE, WAREHOUSE];
  api.on("GET /api/v2/connections", ({ query }) => {
    const pattern = query.get("connection_id_pattern") ?? "";
    const rows = stored.filter((c) => c.connection_id.includes(pattern));
    return { connections: rows, total_entries: rows.length };
  });
});

const openEdit = async (connectionId: string) => {
  await userEvent.click(await screen.findByRole("button", { name: `Edit ${connectionId}` }));
  return screen.findByRole("dialog", { name: `Edit connection ${connectionId}` });
};

test("the list shows each connection's fields, and no password anywhere", async () => {
  const { container } = renderApp(api, "/connections", "Admin");
  const table = await screen.findByRole("table", { name: "Connections" });
  expect(within(table).getByText("warehouse")).toBeInTheDocument();
  expect(within(table).getByText("acme.snowflakecomputing.com")).toBeInTheDocument();
  expect(within(table).getByText("5432")).toBeInTheDocument();
  expect(within(table).queryByText("Password")).toBeNull();
  expect(container.innerHTML).not.toContain("hunter2-plain");
  const dialog = await openEdit("warehouse");
  const password = within(dialog).getByLabelText("Password");
  expect(password).toHaveValue("");
  expect(password).toHaveAttribute("type", "password");
  expect(within(dialog).getByText(/A password is stored. Leave this empty to keep it/));
  expect(document.body.innerHTML).not.toContain("hunter2-plain");
  expect(within(dialog).getByLabelText("Extra")).toHaveValue(
    JSON.stringify(JSON.parse(WAREHOUSE.extra!), null, 2),
  );
});

test("an edit that leaves the password empty keeps it: no password in the body or update_mask", async () => {
  api.on("PATCH /api/v2/connections/warehouse", ({ body }) => ({
    ...WAREHOUSE,
    ...(body as object),
    password: "***",
  }));
  renderApp(api, "/connections", "Admin");
  const dialog = await openEdit("warehouse");
  const host = within(dialog).getByLabelText("Host");
  await userEvent.clear(host);
  await userEvent.type(host, "acme-eu.snowflakecomputing.com");
  await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
  await waitFor(() => expect(api.callsTo("PATCH /api/v2/connections/warehouse")).toHaveLength(1));
  const call = api.callsTo("PATCH /api/v2/connections/warehouse")[0]!;
  expect(call.query.getAll("update_mask")).toEqual([
    "conn_type",
    "description",
    "host",
    "schema",
    "login",
    "port",
    "extra",
  ]);
  expect(call.body).not.toHaveProperty("password");
  expect(call.body).toMatchObject({
    connection_id: "warehouse",
    conn_type: "snowflake",
    host: "acme-eu.snowflakecomputing.com",
    port: null,
  });
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  // The list is read again at once.
  expect(api.callsTo("GET /api/v2/connections").length).toBeGreaterThanOrEqual(2);
});

test("a typed password is sent and named in the update_mask", async () => {
  api.on("PATCH /api/v2/connections/dealership_source", () => SOURCE);
  renderApp(api, "/connections", "Admin");
  const dialog = await openEdit("dealership_source");
  await userEvent.type(within(dialog).getByLabelText("Password"), "n3w-secret");
  await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
  await waitFor(() =>
    expect(api.callsTo("PATCH /api/v2/connections/dealership_source")).toHaveLength(1),
  );
  const call = api.callsTo("PATCH /api/v2/connections/dealership_source")[0]!;
  expect(call.query.getAll("update_mask")).toContain("password");
  expect(call.body).toMatchObject({ password: "n3w-secret", port: 5432 });
});

test("adding a connection: extra must be a JSON object before anything is sent", async () => {
  api.on("POST /api/v2/connections", ({ body }) => ({
    status: 201,
    body: { ...(body as object), password: "***" },
  }));
  renderApp(api, "/connections", "Admin");
  await userEvent.click(await screen.findByRole("button", { name: "Add connection" }));
  const dialog = await screen.findByRole("dialog", { name: "Add connection" });
  await userEvent.type(within(dialog).getByLabelText("Connection ID"), "alerts_smtp");
  await userEvent.type(within(dialog).getByLabelText("Connection type"), "smtp");
  await userEvent.type(within(dialog).getByLabelText("Port"), "587");
  await userEvent.type(within(dialog).getByLabelText("Password"), "mail-pass");
  const extra = within(dialog).getByLabelText("Extra");
  // userEvent reads "[[" and "{{" as one literal bracket.
  await userEvent.type(extra, '[["not", "an object"]');
  expect(within(dialog).getByText(/Extra must be a JSON object/)).toBeInTheDocument();
  await userEvent.click(within(dialog).getByRole("button", { name: "Add connection" }));
  expect(within(dialog).getByRole("alert")).toHaveTextContent("Extra must be a JSON object");
  expect(api.callsTo("POST /api/v2/connections")).toHaveLength(0);
  await userEvent.clear(extra);
  await userEvent.type(extra, '{{"from_email": "etl@example.com"}');
  await userEvent.click(within(dialog).getByRole("button", { name: "Add connection" }));
  await waitFor(() => expect(api.callsTo("POST /api/v2/connections")).toHaveLength(1));
  expect(api.callsTo("POST /api/v2/connections")[0]?.body).toEqual({
    connection_id: "alerts_smtp",
    conn_type: "smtp",
    description: null,
    host: null,
    schema: null,
    login: null,
    port: 587,
    password: "mail-pass",
    extra: '{"from_email": "etl@example.com"}',
  });
});

test("a bad port and a missing type are named before anything is sent", async () => {
  renderApp(api, "/connections", "Admin");
  await userEvent.click(await screen.findByRole("button", { name: "Add connection" }));
  const dialog = await screen.findByRole("dialog", { name: "Add connection" });
  await userEvent.type(within(dialog).getByLabelText("Connection ID"), "bad id");
  await userEvent.type(within(dialog).getByLabelText("Port"), "70000");
  await userEvent.click(within(dialog).getByRole("button", { name: "Add connection" }));
  const alert = within(dialog).getByRole("alert");
  expect(alert).toHaveTextContent("no spaces");
  expect(alert).toHaveTextContent("Choose or type a connection type");
  expect(alert).toHaveTextContent("0 to 65535");
  expect(within(dialog).getByLabelText("Port")).toHaveAttribute("aria-invalid", "true");
  expect(api.callsTo("POST /api/v2/connections")).toHaveLength(0);
});

test("the server's refusal is shown in its words, and the dialog stays open", async () => {
  api.on("POST /api/v2/connections", () => ({
    status: 409,
    body: { detail: "The connection with connection_id: `warehouse` already exists" },
  }));
  renderApp(api, "/connections", "Admin");
  await userEvent.click(await screen.findByRole("button", { name: "Add connection" }));
  const dialog = await screen.findByRole("dialog", { name: "Add connection" });
  await userEvent.type(within(dialog).getByLabelText("Connection ID"), "warehouse");
  await userEvent.type(within(dialog).getByLabelText("Connection type"), "snowflake");
  await userEvent.click(within(dialog).getByRole("button", { name: "Add connection" }));
  expect(await within(dialog).findByRole("alert")).toHaveTextContent(
    "The connection with connection_id: `warehouse` already exists",
  );
});

test("deleting asks first, then sends DELETE and the row goes", async () => {
  api.on("DELETE /api/v2/connections/warehouse", () => {
    stored = stored.filter((c) => c.connection_id !== "warehouse");
    return { status: 204 };
  });
  renderApp(api, "/connections", "Admin");
  await userEvent.click(await screen.findByRole("button", { name: "Delete warehouse" }));
  const dialog = await screen.findByRole("dialog", { name: "Delete connection warehouse?" });
  await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
  expect(api.callsTo("DELETE /api/v2/connections/warehouse")).toHaveLength(0);
  await userEvent.click(screen.getByRole("button", { name: "Delete warehouse" }));
  await userEvent.click(
    within(await screen.findByRole("dialog")).getByRole("button", { name: "Delete" }),
  );
  await waitFor(() => expect(screen.queryByText("warehouse")).toBeNull());
  expect(api.callsTo("DELETE /api/v2/connections/warehouse")).toHaveLength(1);
});

test("an Op reads the list but gets no write buttons", async () => {
  renderApp(api, "/connections", "Op");
  await screen.findByRole("table", { name: "Connections" });
  expect(screen.queryByRole("button", { name: "Add connection" })).toBeNull();
  expect(screen.queryByRole("button", { name: /^Edit / })).toBeNull();
  expect(screen.queryByRole("button", { name: /^Delete / })).toBeNull();
});

test.each(["Viewer", "User"] as const)(
  "a %s is told the page is not theirs; nothing is asked",
  async (role) => {
    renderApp(api, "/connections", role);
    expect(await screen.findByText(/shown to the Op and Admin roles only/)).toBeInTheDocument();
    expect(api.callsTo("GET /api/v2/connections")).toHaveLength(0);
  },
);

test("empty: none at all, and none matching the search (sent as connection_id_pattern)", async () => {
  stored = [];
  renderApp(api, "/connections", "Admin");
  expect(await screen.findByText(/No connections yet/)).toBeInTheDocument();
  stored = [SOURCE];
  await userEvent.type(screen.getByLabelText("Search connections"), "snow");
  expect(await screen.findByText("No connection id contains “snow”.")).toBeInTheDocument();
  expect(api.callsTo("GET /api/v2/connections").at(-1)?.query.get("connection_id_pattern")).toBe(
    "snow",
  );
});

test("a failing list says why in words", async () => {
  api.on("GET /api/v2/connections", () => ({
    status: 500,
    body: { detail: "Internal Server Error" },
  }));
  renderApp(api, "/connections", "Admin");
  expect(await screen.findByRole("alert")).toHaveTextContent(
    "Connections could not be loaded: Internal Server Error",
  );
});
