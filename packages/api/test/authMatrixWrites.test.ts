// Who may do what on the endpoints of the bulk edits, XCom writes, event logs and configuration,
// for each of Airflow's roles: bulk connections need Admin, bulk variables and pools Op, XCom
// writes User (Airflow checks them as DAG access, which its simple auth manager grants writes to
// from User up); the audit log is read by every role; the configuration is refused to every role,
// Admin included, because it is not exposed. A role below is refused with 403 before anything
// changes — though the attempt itself is on record in the audit log.
import { ROLES, type Role } from "../src";
import { useApi } from "./support/apiTest";
import { expectRefusedUnchanged, rolesBelow } from "./support/roles";
import { tableSnapshot } from "./support/tableSnapshot";

const api = useApi();

interface Guarded {
  readonly method: "get" | "post" | "patch";
  readonly path: string;
  readonly body?: Record<string, unknown>;
  readonly role: Role;
  readonly event?: string;
}

const XCOM = "/api/v2/dags/nope/dagRuns/nope/taskInstances/t/xcomEntries";
/** A bulk body creating one entity (the first role allowed creates it; later ones get a 409). */
const create = (entity: Record<string, unknown>) => ({
  actions: [{ action: "create", entities: [entity] }],
});
const GUARDED: readonly Guarded[] = [
  {
    method: "patch",
    path: "/api/v2/connections",
    body: create({ connection_id: "m", conn_type: "http" }),
    role: "Admin",
    event: "bulk_connections",
  },
  {
    method: "patch",
    path: "/api/v2/variables",
    body: create({ key: "m", value: "v" }),
    role: "Op",
    event: "bulk_variables",
  },
  {
    method: "patch",
    path: "/api/v2/pools",
    body: create({ name: "m", slots: 1 }),
    role: "Op",
    event: "bulk_pools",
  },
  {
    method: "post",
    path: XCOM,
    body: { key: "k", value: 1 },
    role: "User",
    event: "create_xcom_entry",
  },
  {
    method: "patch",
    path: `${XCOM}/k`,
    body: { value: 1 },
    role: "User",
    event: "update_xcom_entry",
  },
  { method: "get", path: "/api/v2/eventLogs", role: "Viewer" },
  { method: "get", path: "/api/v2/eventLogs/1", role: "Viewer" },
];

const CASES = GUARDED.flatMap((endpoint) =>
  ROLES.map((role) => [endpoint.method.toUpperCase(), endpoint.path, role, endpoint] as const),
);

async function call(role: Role, endpoint: Guarded) {
  const request = api().as(role)[endpoint.method](endpoint.path);
  return endpoint.body === undefined ? request : request.send(endpoint.body);
}

const everything = () =>
  tableSnapshot(
    api().client,
    "select * from connection order by id",
    "select * from variable order by id",
    "select * from slot_pool order by id",
    "select * from xcom order by dag_run_id, task_id, map_index, key",
  );

describe("the role matrix of the bulk, XCom, event log and config endpoints", () => {
  test.each(CASES)("%s %s as %s", async (_method, _path, role, endpoint) => {
    const res = await call(role, endpoint);
    if (rolesBelow(endpoint.role).includes(role)) {
      expect(res.status).toBe(403);
      expect(res.body.detail).toBe(
        `Forbidden: this needs the ${endpoint.role} role, you have ${role}`,
      );
    } else expect([401, 403]).not.toContain(res.status);
  });

  test.each(
    ["/api/v2/config", "/api/v2/config/section/core/option/dags_folder"].flatMap((path) =>
      ROLES.map((role) => [path, role] as const),
    ),
  )("GET %s as %s: 403, the configuration is not exposed", async (path, role) => {
    const res = await api().as(role).get(path);
    expect(res.status).toBe(403);
    expect(res.body.detail).toBe(
      "Your Airflow administrator chose not to expose the configuration, most likely for security reasons.",
    );
  });

  test.each(GUARDED.filter((e) => e.role !== "Viewer"))(
    "$method $path: the roles below $role change nothing, but the attempt is on record",
    async (endpoint) => {
      const below = rolesBelow(endpoint.role);
      const { client } = api();
      const before = await client.query<{ n: number }>(
        "select count(*)::int as n from log where event = $1 and owner = any($2::text[])",
        [endpoint.event, below.map((r) => r.toLowerCase())],
      );
      await expectRefusedUnchanged(everything, endpoint.role, () =>
        Promise.all(below.map((role) => call(role, endpoint))),
      );
      const after = await client.query<{ n: number }>(
        "select count(*)::int as n from log where event = $1 and owner = any($2::text[])",
        [endpoint.event, below.map((r) => r.toLowerCase())],
      );
      expect(after.rows[0]!.n - before.rows[0]!.n).toBe(below.length);
    },
  );

  test("each bulk creation took effect once: for the first role allowed, never for one below it", async () => {
    const counts = await api().client.query<{ v: number; p: number; c: number }>(
      `select (select count(*)::int from variable where key = 'm') as v,
              (select count(*)::int from slot_pool where pool = 'm') as p,
              (select count(*)::int from connection where conn_id = 'm') as c`,
    );
    expect(counts.rows[0]).toEqual({ v: 1, p: 1, c: 1 });
  });
});
