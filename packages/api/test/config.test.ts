// GET /api/v2/config and /config/section/{section}/option/{option} answer as Airflow does with its
// default `[api] expose_config = False`: 403 with Airflow's message for every role, Admin
// included, in JSON or text alike; an Accept that is neither is 406 first; no token is 401.
import request from "supertest";
import { ROLES } from "../src";
import { useApi } from "./support/apiTest";
import { expectMatchesSpec } from "./support/spec";

const api = useApi();

const CONFIG = "/api/v2/config";
const OPTION = "/api/v2/config/section/{section}/option/{option}";
const DETAIL =
  "Your Airflow administrator chose not to expose the configuration, most likely for security reasons.";

const PATHS: readonly (readonly [string, string])[] = [
  [CONFIG, CONFIG],
  [`${CONFIG}?section=core`, CONFIG],
  ["/api/v2/config/section/core/option/dags_folder", OPTION],
  ["/api/v2/config/section/database/option/sql_alchemy_conn", OPTION],
];

describe.each(PATHS)("GET %s", (url, template) => {
  test.each(ROLES)("is 403 for %s: the configuration is not exposed", async (role) => {
    const res = await api().as(role).get(url);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ detail: DETAIL });
    expectMatchesSpec(res, "GET", template);
  });

  test.each(["text/plain", "application/json", "*/*"])("is 403 with Accept %s", async (accept) => {
    const res = await api().as("Admin").get(url).set("Accept", accept);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ detail: DETAIL });
  });

  test("is 406 for an Accept that is neither JSON nor text", async () => {
    const res = await api().as("Admin").get(url).set("Accept", "application/xml");
    expect(res.status).toBe(406);
    expect(res.body).toEqual({ detail: "Only application/json or text/plain is supported" });
    expectMatchesSpec(res, "GET", template);
  });

  test("is 401 without a token", async () => {
    const res = await request(api().app).get(url);
    expect(res.status).toBe(401);
    expectMatchesSpec(res, "GET", template);
  });
});
