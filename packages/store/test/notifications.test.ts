// LISTEN/NOTIFY through the SqlClient port, on Postgres and PGlite: a wake-up arrives only after
// the sending transaction commits, and never for a rolled-back one.
import { createTestDatabase, type TestDatabase } from "@updraft/testing";
import {
  createPgClient,
  createPgliteClient,
  migrateUrl,
  SCHEMA_KEY,
  notifyScheduler,
  SCHEDULER_CHANNEL,
  type SqlClient,
} from "../src";

const waitFor = async (check: () => boolean, ms = 2000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for a notification");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

function describeNotifications(name: string, getClient: () => SqlClient): void {
  describe(`notifyScheduler on ${name}`, () => {
    it("delivers the reason once the transaction commits, not before", async () => {
      const client = getClient();
      const received: string[] = [];
      const stop = await client.listen(SCHEDULER_CHANNEL, (payload) => received.push(payload));
      try {
        let seenInside = -1;
        await client.transaction(async (tx) => {
          await notifyScheduler(tx, "task_finished");
          await new Promise((resolve) => setTimeout(resolve, 50));
          seenInside = received.length;
        });
        await waitFor(() => received.length === 1);
        expect(seenInside).toBe(0);
        expect(received).toEqual(["task_finished"]);
      } finally {
        await stop();
      }
    });

    it("sends nothing for a rolled-back transaction, and nothing after the listener stops", async () => {
      const client = getClient();
      const received: string[] = [];
      const stop = await client.listen(SCHEDULER_CHANNEL, (payload) => received.push(payload));
      await expect(
        client.transaction(async (tx) => {
          await notifyScheduler(tx, "cleared");
          throw new Error("abort");
        }),
      ).rejects.toThrow("abort");
      await notifyScheduler(client, "dag_changed");
      await waitFor(() => received.length === 1);
      expect(received).toEqual(["dag_changed"]);
      await stop();
      await notifyScheduler(client, "dag_changed");
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(received).toEqual(["dag_changed"]);
    });
  });
}

let db: TestDatabase;
let pgClient: SqlClient;
let pglite: SqlClient;

beforeAll(async () => {
  db = await createTestDatabase({ templateKey: SCHEMA_KEY, prepare: migrateUrl });
  pgClient = createPgClient({ connectionString: db.url });
  pglite = await createPgliteClient();
});
afterAll(async () => {
  await pgClient.close();
  await pglite.close();
  await db.drop();
});

describeNotifications("Postgres", () => pgClient);
describeNotifications("PGlite", () => pglite);
