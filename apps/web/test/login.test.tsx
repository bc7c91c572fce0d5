// The login page: a logged-out visitor is sent there, a wrong password shows the server's
// words, a right one stores the token and goes on to where the visitor was going; a user's
// role decides which navigation links exist.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { installFakeApi } from "./support/fakeApi";
import { renderApp } from "./support/renderApp";

const api = installFakeApi();

test("a logged-out visitor gets the login form, and a wrong password says so", async () => {
  api.on("POST /auth/token", () => ({ status: 401, body: { detail: "Invalid credentials" } }));
  renderApp(api, "/dags", null);
  await userEvent.type(await screen.findByLabelText("Username"), "admin");
  await userEvent.type(screen.getByLabelText("Password"), "wrong");
  await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("Invalid credentials");
  expect(localStorage.getItem("updraft.token")).toBeNull();
  expect(api.callsTo("POST /auth/token")[0]?.body).toEqual({
    username: "admin",
    password: "wrong",
  });
});

test("the right password stores the token and opens the page asked for", async () => {
  let loggedIn = false;
  api.on("POST /auth/token", () => {
    loggedIn = true;
    return { status: 201, body: { access_token: "header.payload.signature" } };
  });
  renderApp(api, "/variables", null);
  api.on("GET /api/v2/ui/auth/me", () =>
    loggedIn
      ? { username: "op", role: "Op" }
      : { status: 401, body: { detail: "Not authenticated" } },
  );
  await userEvent.type(await screen.findByLabelText("Username"), "op");
  await userEvent.type(screen.getByLabelText("Password"), "secret");
  await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
  await waitFor(() => expect(screen.getByText(/^op/)).toBeInTheDocument());
  expect(localStorage.getItem("updraft.token")).toBe("header.payload.signature");
  expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Variables");
  const later = api.calls.filter((c) => c.path === "/api/v2/ui/auth/me").at(-1);
  expect(later?.headers.Authorization).toBe("Bearer header.payload.signature");
});

test.each([
  ["Viewer", false, false],
  ["Op", true, false],
  ["Admin", true, true],
] as const)("a %s sees Connections: %s, Users: %s", async (role, connections, users) => {
  renderApp(api, "/not-a-page", role);
  expect(await screen.findByRole("heading", { name: "Page not found" })).toBeInTheDocument();
  const nav = screen.getByRole("navigation", { name: "Main" });
  expect(nav).toHaveTextContent("DAGs");
  expect(nav.textContent?.includes("Connections")).toBe(connections);
  expect(nav.textContent?.includes("Users")).toBe(users);
});

test("logging out drops the token and returns to the login page", async () => {
  localStorage.setItem("updraft.token", "stale");
  renderApp(api, "/not-a-page", "Viewer");
  await screen.findByRole("heading", { name: "Page not found" });
  api.on("GET /api/v2/ui/auth/me", () => ({ status: 401, body: { detail: "Invalid JWT token" } }));
  api.on("GET /auth/logout", () => ({ status: 204 }));
  await userEvent.click(screen.getByRole("button", { name: "Log out" }));
  expect(await screen.findByRole("button", { name: "Sign in" })).toBeInTheDocument();
  expect(localStorage.getItem("updraft.token")).toBeNull();
});
