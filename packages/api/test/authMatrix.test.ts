// Who may do what: every mutating endpoint (and the connection reads) for each of Airflow's
// roles. A role below the endpoint's is refused with 403 before anything runs; the endpoint's
// role and those above it get past the check (to a 404 here: the targets do not exist).
import { ROLES, type Role } from "../src";
import { useApi } from "./support/apiTest";

const api = useApi();

interface Guarded {
  readonly method: "get" | "post" | "patch" | "delete";
  readonly path: string;
  readonly body?: Record<string, unknown>;
  readonly role: Role;
}

const RUN = "/api/v2/dags/nope/dagRuns/nope";
const GUARDED: readonly Guarded[] = [
  {
    method: "patch",
    path: "/api/v2/dags?dag_id_pattern=nope",
    body: { is_paused: true },
    role: "User",
  },
  { method: "patch", path: "/api/v2/dags/nope", body: { is_paused: true }, role: "User" },
  { method: "post", path: "/api/v2/dags/nope/dagRuns", body: { logical_date: null }, role: "User" },
  { method: "patch", path: RUN, body: { state: "success" }, role: "User" },
  { method: "delete", path: RUN, role: "User" },
  { method: "post", path: `${RUN}/clear`, body: { dry_run: true }, role: "User" },
  { method: "patch", path: `${RUN}/taskInstances/t`, body: { new_state: "success" }, role: "User" },
  {
    method: "post",
    path: "/api/v2/dags/nope/clearTaskInstances",
    body: { dry_run: true },
    role: "User",
  },
  { method: "post", path: "/api/v2/variables", body: { key: "k", value: "v" }, role: "Op" },
  {
    method: "patch",
    path: "/api/v2/variables/nope",
    body: { key: "nope", value: "v" },
    role: "Op",
  },
  { method: "delete", path: "/api/v2/variables/nope", role: "Op" },
  { method: "post", path: "/api/v2/pools", body: { name: "p", slots: 1 }, role: "Op" },
  { method: "patch", path: "/api/v2/pools/nope", body: { name: "nope", slots: 2 }, role: "Op" },
  { method: "delete", path: "/api/v2/pools/nope", role: "Op" },
  { method: "get", path: "/api/v2/connections", role: "Op" },
  { method: "get", path: "/api/v2/connections/nope", role: "Op" },
  {
    method: "post",
    path: "/api/v2/connections",
    body: { connection_id: "c", conn_type: "postgres" },
    role: "Admin",
  },
  {
    method: "patch",
    path: "/api/v2/connections/nope",
    body: { connection_id: "nope", conn_type: "postgres" },
    role: "Admin",
  },
  { method: "delete", path: "/api/v2/connections/nope", role: "Admin" },
];

const CASES = GUARDED.flatMap((endpoint) =>
  ROLES.map((role) => [endpoint.method.toUpperCase(), endpoint.path, role, endpoint] as const),
);

describe("the role matrix", () => {
  test.each(CASES)("%s %s as %s", async (_method, _path, role, endpoint) => {
    const request = api().as(role)[endpoint.method](endpoint.path);
    const res = await (endpoint.body === undefined ? request : request.send(endpoint.body));
    const allowed = ROLES.indexOf(role) >= ROLES.indexOf(endpoint.role);
    if (allowed) expect([401, 403]).not.toContain(res.status);
    else {
      expect(res.status).toBe(403);
      expect(res.body.detail).toBe(
        `Forbidden: this needs the ${endpoint.role} role, you have ${role}`,
      );
    }
  });

  test("each creation took effect once: for the first role allowed, never for one below it", async () => {
    const { client } = api();
    // Op created the variable and the pool and Admin the connection; the roles after them got 409.
    const counts = await client.query<{ v: number; p: number; c: number }>(
      `select (select count(*)::int from variable where key = 'k') as v,
              (select count(*)::int from slot_pool where pool = 'p') as p,
              (select count(*)::int from connection where conn_id = 'c') as c`,
    );
    expect(counts.rows[0]).toEqual({ v: 1, p: 1, c: 1 });
  });
});
