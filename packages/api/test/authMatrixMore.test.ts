// Who may use the endpoints added after the first role matrix, for each of Airflow's roles:
// deleting a DAG needs User (Airflow's can_delete on DAGs, which its User role has; the simple
// auth manager also lets User write DAGs); the DAG stats, a task instance's dependencies and
// waiting on a run are reads for every role. A role below is refused with 403 before anything
// runs — a DAG a Viewer tries to delete is still there — and the others get past the check.
import { ROLES, type Role } from "../src";
import { useApi } from "./support/apiTest";

const api = useApi();

interface Guarded {
  readonly method: "get" | "delete";
  readonly path: string;
  readonly role: Role;
}

const RUN = "/api/v2/dags/nope/dagRuns/nope";
const GUARDED: readonly Guarded[] = [
  { method: "delete", path: "/api/v2/dags/nope", role: "User" },
  { method: "get", path: "/api/v2/dagStats", role: "Viewer" },
  { method: "get", path: `${RUN}/taskInstances/t/dependencies`, role: "Viewer" },
  { method: "get", path: `${RUN}/taskInstances/t/0/dependencies`, role: "Viewer" },
  { method: "get", path: `${RUN}/wait?interval=1`, role: "Viewer" },
];

const CASES = GUARDED.flatMap((endpoint) =>
  ROLES.map((role) => [endpoint.method.toUpperCase(), endpoint.path, role, endpoint] as const),
);

describe("the role matrix of the later endpoints", () => {
  test.each(CASES)("%s %s as %s", async (_method, _path, role, endpoint) => {
    const res = await api().as(role)[endpoint.method](endpoint.path);
    const allowed = ROLES.indexOf(role) >= ROLES.indexOf(endpoint.role);
    if (allowed) expect([401, 403]).not.toContain(res.status);
    else {
      expect(res.status).toBe(403);
      expect(res.body.detail).toBe(
        `Forbidden: this needs the ${endpoint.role} role, you have ${role}`,
      );
    }
  });

  test("a DAG a Viewer tries to delete is still there; a User deletes it", async () => {
    const { client } = api();
    await client.query("insert into dag (dag_id) values ('kept')");
    expect((await api().as("Viewer").delete("/api/v2/dags/kept")).status).toBe(403);
    const count = () => client.query("select count(*)::int as n from dag where dag_id = 'kept'");
    expect((await count()).rows[0]).toEqual({ n: 1 });
    expect((await api().as("User").delete("/api/v2/dags/kept")).status).toBe(204);
    expect((await count()).rows[0]).toEqual({ n: 0 });
  });
});
