// The users page (Admins only, over FAB's API at /auth/fab/v1): other roles are told so and
// nothing is asked; creating sends the one role as FAB's `roles`, a typed password twice the
// same or a generated one shown once afterwards; an Admin's own row has no delete or deactivate
// and their own role is fixed; each change asks first and sends only what it changes; the
// server's refusals and an empty list are shown in words.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { FabUser } from "../src/api/types";
import { generatePassword } from "../src/routes/admin/generatePassword";
import { installFakeApi } from "./support/fakeApi";
import { renderApp } from "./support/renderApp";

const api = installFakeApi();

const user = (username: string, role: string, fields: Partial<FabUser> = {}): FabUser => ({
  username,
  first_name: null,
  last_name: null,
  email: null,
  active: true,
  roles: [{ name: role }],
  last_login: null,
  login_count: null,
  created_on: "2026-03-01T09:00:00.000Z",
  changed_on: null,
  ...fields,
});

/** renderApp logs in an Admin as `admin-user`. */
const ME = user("admin-user", "Admin", { last_login: "2026-03-10T08:00:00.000Z" });
const ANA = user("ana", "Op", { first_name: "Ana", last_name: "Lima", email: "ana@example.com" });
const BEN = user("ben", "Viewer", { active: false });

let stored: FabUser[] = [];
beforeEach(() => {
  stored = [ME, ANA, BEN];
  api.on("GET /auth/fab/v1/users", () => ({ users: stored, total_entries: stored.length }));
});

const rowOf = async (username: string) => {
  const table = await screen.findByRole("table", { name: "Users" });
  const row = within(table).getByText(username).closest("tr");
  if (row === null) throw new Error(`no row for ${username}`);
  return within(row);
};

test.each(["Viewer", "User", "Op"] as const)(
  "a %s is told only Admins manage users; nothing is asked",
  async (role) => {
    renderApp(api, "/users", role);
    expect(await screen.findByText("Only Admins manage users.")).toBeInTheDocument();
    expect(api.callsTo("GET /auth/fab/v1/users")).toHaveLength(0);
  },
);

test("the list shows role, status, names and logins; my own row cannot be deleted or deactivated", async () => {
  renderApp(api, "/users", "Admin");
  const ana = await rowOf("ana");
  expect(ana.getByText("Ana Lima")).toBeInTheDocument();
  expect(ana.getByText("ana@example.com")).toBeInTheDocument();
  expect(ana.getByText("Op")).toBeInTheDocument();
  expect(ana.getByText("Never")).toBeInTheDocument();
  expect(ana.getByRole("button", { name: "Delete ana" })).toBeInTheDocument();
  expect(ana.getByRole("button", { name: "Deactivate ana" })).toBeInTheDocument();
  expect((await rowOf("ben")).getByRole("button", { name: "Activate ben" })).toBeInTheDocument();
  expect((await rowOf("ben")).getByText("Inactive")).toBeInTheDocument();
  const me = await rowOf("admin-user");
  expect(me.getByText("(you)")).toBeInTheDocument();
  expect(me.queryByRole("button", { name: /^Delete/ })).toBeNull();
  expect(me.queryByRole("button", { name: /^(Deactivate|Activate)/ })).toBeNull();
  expect(me.getByRole("button", { name: "Reset the password of admin-user" })).toBeVisible();
});

test("creating a user sends their one role as FAB's roles, and the password typed twice", async () => {
  api.on("POST /auth/fab/v1/users", ({ body }) => {
    const created = user("carla", "User");
    stored = [...stored, created];
    return { ...created, ...(body as object), password: undefined };
  });
  renderApp(api, "/users", "Admin");
  await userEvent.click(await screen.findByRole("button", { name: "Add user" }));
  const dialog = await screen.findByRole("dialog", { name: "Add user" });
  await userEvent.type(within(dialog).getByLabelText("Username"), "carla");
  await userEvent.selectOptions(within(dialog).getByLabelText("Role"), "User");
  await userEvent.type(within(dialog).getByLabelText("First name"), "Carla");
  await userEvent.type(within(dialog).getByLabelText("Password"), "s3cret-one");
  await userEvent.type(within(dialog).getByLabelText("Confirm password"), "s3cret-two");
  await userEvent.click(within(dialog).getByRole("button", { name: "Add user" }));
  expect(within(dialog).getByRole("alert")).toHaveTextContent(
    "The two passwords are not the same.",
  );
  expect(api.callsTo("POST /auth/fab/v1/users")).toHaveLength(0);
  await userEvent.clear(within(dialog).getByLabelText("Confirm password"));
  await userEvent.type(within(dialog).getByLabelText("Confirm password"), "s3cret-one");
  await userEvent.click(within(dialog).getByRole("button", { name: "Add user" }));
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  expect(api.callsTo("POST /auth/fab/v1/users")[0]?.body).toEqual({
    username: "carla",
    password: "s3cret-one",
    roles: [{ name: "User" }],
    first_name: "Carla",
    last_name: null,
    email: null,
  });
  expect(await rowOf("carla")).toBeTruthy();
  // A typed password is the Admin's to pass on: the page does not show it.
  expect(document.body.textContent).not.toContain("s3cret-one");
});

test("a generated password is sent and shown once after saving, until dismissed", async () => {
  api.on("POST /auth/fab/v1/users", () => user("dora", "Viewer"));
  renderApp(api, "/users", "Admin");
  await userEvent.click(await screen.findByRole("button", { name: "Add user" }));
  const dialog = await screen.findByRole("dialog", { name: "Add user" });
  await userEvent.type(within(dialog).getByLabelText("Username"), "dora");
  await userEvent.click(within(dialog).getByRole("button", { name: "Generate a password" }));
  expect(within(dialog).queryByLabelText("Password")).toBeNull();
  await userEvent.click(within(dialog).getByRole("button", { name: "Add user" }));
  await waitFor(() => expect(api.callsTo("POST /auth/fab/v1/users")).toHaveLength(1));
  const sent = api.callsTo("POST /auth/fab/v1/users")[0]?.body as { password: string };
  expect(sent.password).toMatch(/^[A-Za-z0-9_-]{20}$/);
  const shown = (await screen.findByText(/copy it now; it is not shown again/)).closest(
    '[role="status"]',
  ) as HTMLElement;
  expect(shown).toHaveTextContent(`The password of dora is ${sent.password}`);
  await userEvent.click(within(shown).getByRole("button", { name: "Dismiss" }));
  expect(document.body.textContent).not.toContain(sent.password);
});

test("a bad username is named before anything is sent; the server's refusal in its words", async () => {
  api.on("POST /auth/fab/v1/users", () => ({
    status: 409,
    body: { detail: "Username `ana` already exists. Use PATCH to update." },
  }));
  renderApp(api, "/users", "Admin");
  await userEvent.click(await screen.findByRole("button", { name: "Add user" }));
  const dialog = await screen.findByRole("dialog", { name: "Add user" });
  await userEvent.type(within(dialog).getByLabelText("Username"), "ana lima");
  await userEvent.type(within(dialog).getByLabelText("Password"), "pw");
  await userEvent.type(within(dialog).getByLabelText("Confirm password"), "pw");
  await userEvent.click(within(dialog).getByRole("button", { name: "Add user" }));
  expect(within(dialog).getByRole("alert")).toHaveTextContent("no spaces");
  expect(api.callsTo("POST /auth/fab/v1/users")).toHaveLength(0);
  await userEvent.clear(within(dialog).getByLabelText("Username"));
  await userEvent.type(within(dialog).getByLabelText("Username"), "ana");
  await userEvent.click(within(dialog).getByRole("button", { name: "Add user" }));
  expect(await within(dialog).findByText(/Username `ana` already exists/)).toBeInTheDocument();
});

test("changing another user's role sends roles in the body and the update_mask", async () => {
  api.on("PATCH /auth/fab/v1/users/ana", ({ body }) => ({ ...ANA, ...(body as object) }));
  renderApp(api, "/users", "Admin");
  await userEvent.click(await screen.findByRole("button", { name: "Edit ana" }));
  const dialog = await screen.findByRole("dialog", { name: "Edit user ana" });
  await userEvent.selectOptions(within(dialog).getByLabelText("Role"), "Admin");
  await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
  await waitFor(() => expect(api.callsTo("PATCH /auth/fab/v1/users/ana")).toHaveLength(1));
  const call = api.callsTo("PATCH /auth/fab/v1/users/ana")[0]!;
  expect(call.body).toEqual({
    first_name: "Ana",
    last_name: "Lima",
    email: "ana@example.com",
    roles: [{ name: "Admin" }],
  });
  expect(call.query.getAll("update_mask")).toEqual(["first_name", "last_name", "email", "roles"]);
});

test("editing myself: my role is fixed, and no roles are sent", async () => {
  api.on("PATCH /auth/fab/v1/users/admin-user", ({ body }) => ({ ...ME, ...(body as object) }));
  renderApp(api, "/users", "Admin");
  await userEvent.click(await screen.findByRole("button", { name: "Edit admin-user" }));
  const dialog = await screen.findByRole("dialog", { name: "Edit user admin-user" });
  expect(within(dialog).getByLabelText("Role")).toBeDisabled();
  expect(within(dialog).getByText(/You cannot change your own role/)).toBeInTheDocument();
  await userEvent.type(within(dialog).getByLabelText("First name"), "Ada");
  await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
  await waitFor(() => expect(api.callsTo("PATCH /auth/fab/v1/users/admin-user")).toHaveLength(1));
  const call = api.callsTo("PATCH /auth/fab/v1/users/admin-user")[0]!;
  expect(call.body).not.toHaveProperty("roles");
  expect(call.query.getAll("update_mask")).not.toContain("roles");
});

test("deactivating asks first, then sends only active: false", async () => {
  api.on("PATCH /auth/fab/v1/users/ana", () => {
    stored = stored.map((u) => (u.username === "ana" ? { ...u, active: false } : u));
    return { ...ANA, active: false };
  });
  renderApp(api, "/users", "Admin");
  await userEvent.click(await screen.findByRole("button", { name: "Deactivate ana" }));
  const dialog = await screen.findByRole("dialog", { name: "Deactivate ana?" });
  expect(dialog).toHaveTextContent("stop working at once");
  await userEvent.click(within(dialog).getByRole("button", { name: "Deactivate" }));
  await waitFor(() => expect(api.callsTo("PATCH /auth/fab/v1/users/ana")).toHaveLength(1));
  const call = api.callsTo("PATCH /auth/fab/v1/users/ana")[0]!;
  expect(call.body).toEqual({ active: false });
  expect(call.query.getAll("update_mask")).toEqual(["active"]);
  expect(await (await rowOf("ana")).findByRole("button", { name: "Activate ana" })).toBeVisible();
});

test("resetting a password sends only the password", async () => {
  api.on("PATCH /auth/fab/v1/users/ben", () => BEN);
  renderApp(api, "/users", "Admin");
  await userEvent.click(await screen.findByRole("button", { name: "Reset the password of ben" }));
  const dialog = await screen.findByRole("dialog", { name: "Reset the password of ben" });
  await userEvent.type(within(dialog).getByLabelText("Password"), "fresh-start");
  await userEvent.type(within(dialog).getByLabelText("Confirm password"), "fresh-start");
  await userEvent.click(within(dialog).getByRole("button", { name: "Set password" }));
  await waitFor(() => expect(api.callsTo("PATCH /auth/fab/v1/users/ben")).toHaveLength(1));
  const call = api.callsTo("PATCH /auth/fab/v1/users/ben")[0]!;
  expect(call.body).toEqual({ password: "fresh-start" });
  expect(call.query.getAll("update_mask")).toEqual(["password"]);
});

test("deleting another user asks first; the server's refusal stays in the dialog", async () => {
  api.on("DELETE /auth/fab/v1/users/ana", () => ({
    status: 400,
    body: { detail: "`ana` is the last active Admin: make another user an active Admin first" },
  }));
  renderApp(api, "/users", "Admin");
  await userEvent.click(await screen.findByRole("button", { name: "Delete ana" }));
  const dialog = await screen.findByRole("dialog", { name: "Delete user ana?" });
  await userEvent.click(within(dialog).getByRole("button", { name: "Delete" }));
  expect(await within(dialog).findByRole("alert")).toHaveTextContent("is the last active Admin");
  expect(api.callsTo("DELETE /auth/fab/v1/users/ana")).toHaveLength(1);
});

test("an empty list and a failing one say so in words", async () => {
  stored = [];
  const { unmount } = renderApp(api, "/users", "Admin");
  expect(await screen.findByText(/No users. Create one with/)).toBeInTheDocument();
  unmount();
  api.on("GET /auth/fab/v1/users", () => ({
    status: 403,
    body: { detail: "Forbidden: this needs the Admin role, you have Op" },
  }));
  renderApp(api, "/users", "Admin");
  expect(await screen.findByRole("alert")).toHaveTextContent(
    "Users could not be loaded: Forbidden: this needs the Admin role, you have Op",
  );
});

test("generatePassword makes 20 URL-safe characters, different each time", () => {
  const passwords = new Set(Array.from({ length: 50 }, generatePassword));
  expect(passwords.size).toBe(50);
  for (const password of passwords) expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
});
