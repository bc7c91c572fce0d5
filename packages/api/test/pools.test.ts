// The pool endpoints: list (paged, ordered, pool_name_pattern) and get with each pool's slot
// usage (the same numbers as the store's listPoolsWithOccupancy), create, patch (default_pool
// takes only slots and include_deferred) and delete (never default_pool) — the role each needs
// (every role reads, Op writes; a 403 changes nothing) and the input each refuses with nothing
// changed. Every response is checked against Airflow's OpenAPI file.
import { getPool } from "@updraft/store";
import request from "supertest";
import { type Role } from "../src";
import { useApi } from "./support/apiTest";
import { expectRefusedUnchanged, rolesBelow, rolesFrom } from "./support/roles";
import { expectMatchesSpec } from "./support/spec";
import { tableSnapshot } from "./support/tableSnapshot";

const api = useApi();

const LIST = "/api/v2/pools";
const ONE = "/api/v2/pools/{pool_name}";

interface PoolBody {
  readonly name: string;
  readonly slots: number;
  readonly occupied_slots: number;
  readonly running_slots: number;
  readonly queued_slots: number;
  readonly scheduled_slots: number;
  readonly deferred_slots: number;
  readonly open_slots: number;
}

const oneUrl = (name: string) => `${LIST}/${name.split("/").map(encodeURIComponent).join("/")}`;

/** The stored rows, to show that a refused request changed nothing. */
const snapshot = () => tableSnapshot(api().client, "select * from slot_pool order by id");

async function post(body: unknown, role: Role = "Op") {
  const res = await api()
    .as(role)
    .post(LIST)
    .send(body as object);
  expectMatchesSpec(res, "POST", LIST);
  return res;
}

async function patch(name: string, body: unknown, query = "", role: Role = "Op") {
  const res = await api()
    .as(role)
    .patch(`${oneUrl(name)}${query}`)
    .send(body as object);
  expectMatchesSpec(res, "PATCH", ONE);
  return res;
}

async function list(query: string, role: Role = "Viewer") {
  const res = await api().as(role).get(`${LIST}${query}`);
  expectMatchesSpec(res, "GET", LIST);
  return res;
}

const names = (res: { body: { pools: { name: string }[] } }) => res.body.pools.map((p) => p.name);

/** Task instances of one run in `pool`, `pool_slots` each, in the given states. */
async function addTaskInstances(pool: string, slots: number, states: readonly string[]) {
  const { client } = api();
  const runId = `run_${pool.replace(/\W/g, "_")}_${slots}`;
  await client.query("insert into dag (dag_id) values ('pool_user') on conflict do nothing");
  await client.query(
    `insert into dag_run (dag_id, run_id, run_type, run_after, state)
     values ('pool_user', $1, 'manual', now(), 'running')`,
    [runId],
  );
  for (const [i, state] of states.entries())
    await client.query(
      `insert into task_instance (dag_id, run_id, task_id, state, pool, pool_slots)
       values ('pool_user', $1, $2, $3, $4, $5)`,
      [runId, `t${i}`, state, pool, slots],
    );
}

beforeAll(async () => {
  for (const body of [
    { name: "etl", slots: 10, description: "Loads" },
    { name: "reports", slots: 4, include_deferred: true },
    { name: "unlimited", slots: -1 },
    { name: "team/gpu", slots: 2 },
  ])
    expect((await post(body)).status).toBe(201);
  await addTaskInstances("etl", 2, ["running", "queued", "scheduled", "deferred", "success"]);
  await addTaskInstances("reports", 1, ["running", "deferred", "deferred", "failed", "queued"]);
  await addTaskInstances("unlimited", 3, ["running", "running"]);
  await addTaskInstances("default_pool", 1, ["queued"]);
});

describe("GET /api/v2/pools", () => {
  test("lists every pool by id with its slot usage, default_pool first", async () => {
    const res = await list("");
    expect(res.status).toBe(200);
    expect(res.body.total_entries).toBe(5);
    expect(names(res)).toEqual(["default_pool", "etl", "reports", "unlimited", "team/gpu"]);
    const byName = Object.fromEntries((res.body.pools as PoolBody[]).map((p) => [p.name, p]));
    expect(byName.default_pool).toMatchObject({
      slots: 128,
      description: "Default pool",
      include_deferred: false,
      occupied_slots: 1,
      queued_slots: 1,
      open_slots: 127,
      team_name: null,
    });
    expect(byName.etl).toEqual({
      name: "etl",
      slots: 10,
      description: "Loads",
      include_deferred: false,
      occupied_slots: 4,
      running_slots: 2,
      queued_slots: 2,
      scheduled_slots: 2,
      deferred_slots: 2,
      open_slots: 6,
      team_name: null,
    });
    // Deferred task instances occupy the pool that includes them.
    expect(byName.reports).toMatchObject({ occupied_slots: 4, deferred_slots: 2, open_slots: 0 });
    // Unlimited: Airflow's infinite open slots read as -1.
    expect(byName.unlimited).toMatchObject({ slots: -1, occupied_slots: 6, open_slots: -1 });
  });

  test("the numbers are the store's listPoolsWithOccupancy numbers", async () => {
    const res = await list("");
    for (const pool of res.body.pools as PoolBody[]) {
      const fromStore = await getPool(api().client, { name: pool.name });
      expect(fromStore).not.toBeNull();
      expect(pool).toMatchObject({
        occupied_slots: fromStore?.occupiedSlots,
        running_slots: fromStore?.runningSlots,
        queued_slots: fromStore?.queuedSlots,
        scheduled_slots: fromStore?.scheduledSlots,
        deferred_slots: fromStore?.deferredSlots,
        open_slots: Number.isFinite(fromStore?.openSlots) ? fromStore?.openSlots : -1,
      });
    }
  });

  test.each([
    ["?order_by=name", ["default_pool", "etl", "reports", "team/gpu", "unlimited"]],
    ["?order_by=-pool", ["unlimited", "team/gpu", "reports", "etl", "default_pool"]],
    ["?order_by=-id&limit=2", ["team/gpu", "unlimited"]],
    ["?order_by=name&limit=2&offset=2", ["reports", "team/gpu"]],
    ["?pool_name_pattern=L", ["default_pool", "etl", "unlimited"]],
    ["?pool_name_pattern=team%2F%25", ["team/gpu"]],
    ["?pool_name_pattern=etl%20%7C%20gpu", ["etl", "team/gpu"]],
    ["?pool_name_pattern='%3B%20delete%20from%20slot_pool%3B%20--", []],
  ])("%s", async (query, expected) => {
    const res = await list(query);
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(expected);
  });

  test("a bad order_by is 400, a bad offset 422", async () => {
    const order = await api().as("Viewer").get(`${LIST}?order_by=slots`);
    expect(order.status).toBe(400);
    expectMatchesSpec(order, "DELETE", ONE);
    expect((await list("?offset=-3")).status).toBe(422);
  });
});

describe("GET /api/v2/pools/{pool_name}", () => {
  test("returns one pool with its usage; a name with a slash too", async () => {
    const res = await api().as("Viewer").get(oneUrl("team/gpu"));
    expect(res.status).toBe(200);
    expectMatchesSpec(res, "GET", ONE);
    expect(res.body).toMatchObject({ name: "team/gpu", slots: 2, open_slots: 2 });
  });

  test.each(["nope", "etl' or '1'='1", "team"])("an unknown pool (%s) is 404", async (name) => {
    const res = await api().as("Viewer").get(oneUrl(name));
    expect(res.status).toBe(404);
    expectMatchesSpec(res, "GET", ONE);
    expect(res.body.detail).toBe(`The Pool with name: \`${name}\` was not found`);
  });
});

describe("POST /api/v2/pools", () => {
  test("creates a pool: 201 with its usage; include_deferred defaults to false", async () => {
    const res = await post({ name: "fresh", slots: 3, description: null });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      name: "fresh",
      slots: 3,
      description: null,
      include_deferred: false,
      occupied_slots: 0,
      running_slots: 0,
      queued_slots: 0,
      scheduled_slots: 0,
      deferred_slots: 0,
      open_slots: 3,
      team_name: null,
    });
  });

  test("an existing name is 409, nothing changed", async () => {
    const before = await snapshot();
    const res = await post({ name: "etl", slots: 1 });
    expect(res.status).toBe(409);
    expect(res.body.detail).toBe("The Pool with name: `etl` already exists");
    expect(await snapshot()).toEqual(before);
  });

  test.each([
    ["slots below -1", { name: "p", slots: -2 }, ["body", "slots"]],
    ["slots that are a string", { name: "p", slots: "5" }, ["body", "slots"]],
    ["fractional slots", { name: "p", slots: 1.5 }, ["body", "slots"]],
    ["slots beyond the database's integer", { name: "p", slots: 2 ** 31 }, ["body", "slots"]],
    ["no slots", { name: "p" }, ["body", "slots"]],
    ["no name", { slots: 1 }, ["body", "name"]],
    ["a name over 256 characters", { name: "p".repeat(257), slots: 1 }, ["body", "name"]],
    ["an unknown field", { name: "p", slots: 1, open_slots: 1 }, ["body", "open_slots"]],
    [
      "include_deferred that is a string",
      { name: "p", slots: 1, include_deferred: "yes" },
      ["body", "include_deferred"],
    ],
  ])("%s is 422; nothing is stored", async (_, body, loc) => {
    const before = await snapshot();
    const res = await post(body);
    expect(res.status).toBe(422);
    expect(res.body.detail[0].loc).toEqual(loc);
    expect(await snapshot()).toEqual(before);
  });
});

describe("PATCH /api/v2/pools/{pool_name}", () => {
  test("the fields the body sets change, narrowed to the update_mask", async () => {
    const masked = await patch("etl", { slots: 20, description: "ignored" }, "?update_mask=slots");
    expect(masked.status).toBe(200);
    expect(masked.body).toMatchObject({
      name: "etl",
      slots: 20,
      description: "Loads",
      open_slots: 16,
    });
    const all = await patch("etl", { pool: "etl", description: null, include_deferred: true });
    expect(all.body).toMatchObject({
      slots: 20,
      description: null,
      include_deferred: true,
      occupied_slots: 6,
    });
  });

  test("a name with a slash is patched by its path", async () => {
    const res = await patch("team/gpu", { slots: 8 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "team/gpu", slots: 8 });
  });

  test("default_pool takes slots and include_deferred through an update_mask, nothing else", async () => {
    const before = await snapshot();
    const noMask = await patch("default_pool", { slots: 64 });
    expect(noMask.status).toBe(400);
    expect(noMask.body.detail).toBe(
      "Only slots and included_deferred can be modified on Default Pool",
    );
    const description = await patch(
      "default_pool",
      { description: "x" },
      "?update_mask=description",
    );
    expect(description.status).toBe(400);
    expect(await snapshot()).toEqual(before);
    const slots = await patch(
      "default_pool",
      { slots: 64, description: "x" },
      "?update_mask=slots,include_deferred",
    );
    expect(slots.status).toBe(200);
    expect(slots.body).toMatchObject({
      slots: 64,
      description: "Default pool",
      include_deferred: false,
    });
  });

  test("another name in the body is 400, an unknown pool 404, a bad body 422 — nothing changes", async () => {
    const before = await snapshot();
    const rename = await patch("etl", { pool: "renamed" });
    expect(rename.status).toBe(400);
    expect(rename.body.detail).toBe(
      "Invalid body, pool name from request body doesn't match uri parameter",
    );
    expect((await patch("etl", { name: "renamed" })).status).toBe(400);
    const unknown = await patch("nope' --", { slots: 1 });
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toBe("The Pool with name: `nope' --` was not found");
    for (const body of [
      { slots: -5 },
      { slots: null },
      { include_deferred: null },
      { slots: 1, occupied: 2 },
      [1],
    ]) {
      const res = await patch("etl", body);
      expect(res.status).toBe(422);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("DELETE /api/v2/pools/{pool_name}", () => {
  test("deletes a pool: 204, then 404; its task instances keep the name", async () => {
    const res = await api().as("Op").delete(oneUrl("reports"));
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    const again = await api().as("Op").delete(oneUrl("reports"));
    expect(again.status).toBe(404);
    expectMatchesSpec(again, "DELETE", ONE);
    const kept = await api().client.query("select 1 from task_instance where pool = 'reports'");
    expect(kept.rows.length).toBe(5);
  });

  test("default_pool cannot be deleted (400); a name with SQL meta-characters deletes nothing", async () => {
    const before = await snapshot();
    const res = await api().as("Op").delete(oneUrl("default_pool"));
    expect(res.status).toBe(400);
    expectMatchesSpec(res, "DELETE", ONE);
    expect(res.body.detail).toBe("Default Pool can't be deleted");
    const sql = await api().as("Op").delete(oneUrl("x' or '1'='1"));
    expect(sql.status).toBe(404);
    expectMatchesSpec(sql, "DELETE", ONE);
    expect(await snapshot()).toEqual(before);
  });
});

describe("roles", () => {
  test.each(rolesFrom("Viewer"))("the %s role reads pools", async (role) => {
    expect((await list("", role)).status).toBe(200);
    const one = await api().as(role).get(oneUrl("etl"));
    expect(one.status).toBe(200);
  });

  test.each(rolesBelow("Op"))(
    "the %s role cannot create, patch or delete a pool (403); nothing changes",
    async (role) => {
      await expectRefusedUnchanged(snapshot, "Op", async () => {
        const create = await post({ name: `by_${role}`, slots: 1 }, role);
        const change = await patch("etl", { slots: 1 }, "", role);
        const remove = await api().as(role).delete(oneUrl("etl"));
        expectMatchesSpec(remove, "DELETE", ONE);
        return [create, change, remove];
      });
    },
  );

  test.each(rolesFrom("Op"))("the %s role creates, patches and deletes", async (role) => {
    const name = `by_${role}`;
    expect((await post({ name, slots: 1 }, role)).status).toBe(201);
    expect((await patch(name, { slots: 2 }, "", role)).body.slots).toBe(2);
    expect((await api().as(role).delete(oneUrl(name))).status).toBe(204);
  });

  test("no token is 401", async () => {
    const res = await request(api().app).delete(oneUrl("etl"));
    expect(res.status).toBe(401);
    expectMatchesSpec(res, "DELETE", ONE);
  });
});
