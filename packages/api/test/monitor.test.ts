// The two endpoints that need no token, as Airflow's spec describes them; and the 401 every
// other endpoint answers without one.
import request from "supertest";
import { useApi } from "./support/apiTest";
import { expectMatchesSpec } from "./support/spec";

const api = useApi();

describe("monitor and version", () => {
  test("GET /api/v2/monitor/health reports the database and the scheduler, no token needed", async () => {
    const res = await request(api().app).get("/api/v2/monitor/health");
    expect(res.status).toBe(200);
    expectMatchesSpec(res, "GET", "/api/v2/monitor/health");
    expect(res.body).toMatchObject({
      metadatabase: { status: "healthy" },
      scheduler: { status: "unhealthy", latest_scheduler_heartbeat: null },
    });
  });

  test("GET /api/v2/version", async () => {
    const res = await request(api().app).get("/api/v2/version");
    expect(res.status).toBe(200);
    expectMatchesSpec(res, "GET", "/api/v2/version");
  });

  test("anything else without a token is 401 with Airflow's error body", async () => {
    const res = await request(api().app).get("/api/v2/dags");
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ detail: "Not authenticated" });
    expect(res.headers["x-powered-by"]).toBeUndefined();
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });

  test("the spec check itself refuses what Airflow's spec does not allow", () => {
    expect(() =>
      expectMatchesSpec({ status: 200, body: { version: 1 } }, "GET", "/api/v2/version"),
    ).toThrow(/does not match Airflow's spec/);
  });

  test("a path with malformed percent-encoding is 400, not 500", async () => {
    const res = await api().as("Op").get("/api/v2/connections/%E0%A4%A");
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ detail: "Bad Request" });
  });

  test("an unknown path with a token is 404 {detail}", async () => {
    const res = await api().as("Viewer").get("/api/v2/nope");
    expect(res.status).toBe(404);
    expect(res.body.detail).toMatch(/^Not Found/);
  });
});
