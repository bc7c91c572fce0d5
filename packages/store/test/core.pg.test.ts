// The core query contracts on Postgres, plus what only a server can show: two processes
// (two connection pools) racing for the same rows.
import { createTestDatabase, type TestDatabase } from "@updraft/testing";
import { createPgClient, migrateUrl, SCHEMA_KEY, type SqlClient } from "../src";
import { prepared } from "../src/preparedStatements";
import { setDagRunState } from "../src/queries/runs/setDagRunState";
import { claimDagRunsToSchedule } from "../src/queries/runs/claimDagRunsToSchedule";
import { clearTaskInstances } from "../src/queries/taskInstances/clearTaskInstances";
import { finishTaskInstance } from "../src/queries/taskInstances/finishTaskInstance";
import { getTaskInstance } from "../src/queries/taskInstances/getTaskInstance";
import { queueTaskInstances } from "../src/queries/taskInstances/queueTaskInstances";
import { resetTaskInstancesForRetry } from "../src/queries/taskInstances/resetTaskInstancesForRetry";
import { setTaskInstanceStates } from "../src/queries/taskInstances/setTaskInstanceStates";
import { startTaskInstance } from "../src/queries/taskInstances/startTaskInstance";
import { describeDagsContract, resetStore, runningRun, testDag } from "./contract/dags.contract";
import { describeRunsContract } from "./contract/runs.contract";
import { describeSqlClientContract } from "./contract/sqlClient.contract";
import {
  addPool,
  describeTaskInstancesContract,
  scheduledRun,
  tiKey,
} from "./contract/taskInstances.contract";

let db: TestDatabase;
let client: SqlClient;
let other: SqlClient;

beforeAll(async () => {
  db = await createTestDatabase({ templateKey: SCHEMA_KEY, prepare: migrateUrl });
  client = createPgClient({ connectionString: db.url });
  other = createPgClient({ connectionString: db.url });
});
afterAll(async () => {
  await client.close();
  await other.close();
  await db.drop();
});

describe("core queries on Postgres", () => {
  describeDagsContract(() => client);
  describeRunsContract(() => client);
  describeSqlClientContract(() => client);
  describeTaskInstancesContract(() => client);
});

describe("two schedulers and workers racing on Postgres", () => {
  beforeEach(() => resetStore(client));
  const day = (n: number): Date => new Date(Date.UTC(2026, 0, n));

  test("two clients claiming runs at once get disjoint sets", async () => {
    const dag = testDag("d");
    for (let n = 1; n <= 8; n++) await runningRun(client, dag, `r${n}`, day(n));
    const [a, b] = await Promise.all([
      claimDagRunsToSchedule(client, { limit: 4 }),
      claimDagRunsToSchedule(other, { limit: 4 }),
    ]);
    const runIds = [...a, ...b].map(({ run }) => run.runId);
    expect(new Set(runIds).size).toBe(runIds.length);
    expect(runIds).toHaveLength(8);
  });

  test("runs claimed inside a transaction stay claimed until it ends", async () => {
    const dag = testDag("d");
    for (let n = 1; n <= 4; n++) await runningRun(client, dag, `r${n}`, day(n));
    await client.transaction(async (tx) => {
      const mine = await claimDagRunsToSchedule(tx, { limit: 2 });
      expect(mine.map(({ run }) => run.runId)).toEqual(["r1", "r2"]);
      const theirs = await claimDagRunsToSchedule(other, { limit: 10 });
      expect(theirs.map(({ run }) => run.runId)).toEqual(["r3", "r4"]);
    });
    const after = await claimDagRunsToSchedule(other, { limit: 10 });
    expect(after.map(({ run }) => run.runId)).toEqual(["r1", "r2", "r3", "r4"]);
  });

  test("two clients queueing against a pool of 2 slots queue exactly 2", async () => {
    await addPool(client, "p2", 2);
    await addPool(client, "p3", 3);
    for (let round = 0; round < 5; round++) {
      await resetStore(client);
      await addPool(client, "p2", 2);
      await addPool(client, "p3", 3);
      await scheduledRun(client, "r1", [
        ...[1, 2, 3, 4, 5].map((n) => ({ taskId: `a${n}`, pool: "p2" })),
        ...[1, 2, 3, 4, 5].map((n) => ({ taskId: `b${n}`, pool: "p3" })),
      ]);
      const [a, b] = await Promise.all([
        queueTaskInstances(client, { limit: 10 }),
        queueTaskInstances(other, { limit: 10 }),
      ]);
      const queued = [...a.queued, ...b.queued];
      expect(queued.filter((t) => t.pool === "p2")).toHaveLength(2);
      expect(queued.filter((t) => t.pool === "p3")).toHaveLength(3);
    }
  });

  test("startTaskInstance from two workers for the same try: the second gets null", async () => {
    await scheduledRun(client, "r1", [{ taskId: "a" }]);
    await queueTaskInstances(client, { limit: 1 });
    const start = (c: SqlClient, hostname: string) =>
      startTaskInstance(c, { ...tiKey("r1", "a"), tryNumber: 1, hostname, pid: 1 });
    const [a, b] = await Promise.all([start(client, "w1"), start(other, "w2")]);
    expect([a, b].filter((r) => r !== null)).toHaveLength(1);
    expect(await start(other, "w3")).toBeNull();
  });

  test("a cleared try finishing late changes nothing of the next try", async () => {
    const key = tiKey("r1", "a");
    await scheduledRun(client, "r1", [{ taskId: "a", retries: 1 }]);
    await queueTaskInstances(client, { limit: 1 });
    await startTaskInstance(client, { ...key, tryNumber: 1, hostname: "old", pid: 1 });
    await clearTaskInstances(client, { keys: [key] });
    await setTaskInstanceStates(client, {
      changes: [{ ...key, expectedState: "restarting", state: "up_for_retry" }],
    });
    await resetTaskInstancesForRetry(other, {});
    await queueTaskInstances(other, { limit: 1 });
    expect(
      await startTaskInstance(other, { ...key, tryNumber: 2, hostname: "new", pid: 2 }),
    ).toMatchObject({ tryNumber: 2, state: "running" });
    expect(await finishTaskInstance(client, { ...key, tryNumber: 1, state: "success" })).toBeNull();
    expect(await getTaskInstance(client, key)).toMatchObject({
      state: "running",
      tryNumber: 2,
      hostname: "new",
    });
    const run = await runningRun(client, testDag("x"), "x1", day(1));
    expect(await setDagRunState(other, { id: run.id, from: "running", to: "success" })).toBe(true);
  });
});

describe("prepared statements on Postgres", () => {
  test("a statement declared prepared() is prepared once per connection; others are not", async () => {
    const declared = prepared("select $1::int + 1 as n");
    const names = await client.transaction(async (tx) => {
      for (let i = 0; i < 3; i++)
        expect((await tx.query(declared, [i])).rows).toEqual([{ n: i + 1 }]);
      await tx.query("select $1::int + 2 as n", [1]);
      return (
        await tx.query<{ statement: string }>(
          "select statement from pg_prepared_statements where statement like $1",
          ["select $1::int + %"],
        )
      ).rows.map((r) => r.statement);
    });
    expect(names).toEqual([declared]);
  });
});
