// The data-query contracts on real Postgres (a database of its own, from a migrated template),
// plus what only a second connection can show: claims skip rows another scheduler holds.
import { createTestDatabase, type TestDatabase } from "@updraft/testing";
import { createPgClient, migrateUrl, SCHEMA_KEY, type SqlClient } from "../src";
import { claimAssetTriggeredDags } from "../src/queries/assets/claimAssetTriggeredDags";
import { consumeAssetDagRunQueue } from "../src/queries/assets/consumeAssetDagRunQueue";
import { recordAssetEvents } from "../src/queries/assets/recordAssetEvents";
import { syncAssetReferences } from "../src/queries/assets/syncAssetReferences";
import { describeAssetsContract } from "./contract/assets.contract";
import { describeConnectionsContract } from "./contract/connections.contract";
import { describeImportErrorsContract } from "./contract/importErrors.contract";
import { describeJobsContract } from "./contract/jobs.contract";
import { describeLogsContract } from "./contract/logs.contract";
import { describeNotificationsContract } from "./contract/notifications.contract";
import { describePoolsContract } from "./contract/pools.contract";
import { describeVariablesContract } from "./contract/variables.contract";
import { describeXcomContract } from "./contract/xcom.contract";

describe("data queries on Postgres", () => {
  let db: TestDatabase;
  let client: SqlClient;
  beforeAll(async () => {
    db = await createTestDatabase({ templateKey: SCHEMA_KEY, prepare: migrateUrl });
    client = createPgClient({ connectionString: db.url });
  });
  afterAll(async () => {
    await client.close();
    await db.drop();
  });

  const getClient = (): SqlClient => client;
  describeXcomContract(getClient);
  describeLogsContract(getClient);
  describeVariablesContract(getClient);
  describeConnectionsContract(getClient);
  describePoolsContract(getClient);
  describeImportErrorsContract(getClient);
  describeAssetsContract(getClient);
  describeJobsContract(getClient);
  describeNotificationsContract(getClient);

  describe("asset queue under two schedulers", () => {
    let other: SqlClient;
    let dags: { producer: string; consumer: string };
    const uri = "s3://two-schedulers/a";
    beforeAll(async () => {
      other = createPgClient({ connectionString: db.url });
      dags = { producer: "ha_producer", consumer: "ha_consumer" };
      for (const dagId of Object.values(dags))
        await client.query("insert into dag (dag_id, is_paused) values ($1, false)", [dagId]);
      await syncAssetReferences(client, {
        dagId: dags.consumer,
        scheduleAssets: [{ uri }],
        taskOutlets: [],
      });
    });
    afterAll(async () => {
      await other.close();
    });

    /** Resolves once some session of this database waits for a row lock. */
    async function untilSomeoneWaitsForALock(): Promise<void> {
      for (let i = 0; i < 1000; i += 1) {
        const waiting = await client.query(
          `select 1 from pg_stat_activity
           where datname = current_database() and wait_event_type = 'Lock'`,
        );
        if (waiting.rows.length > 0) return;
      }
      throw new Error("no session waited for a lock");
    }

    test("a claimed DAG is skipped by the other scheduler, and an event during the claim re-queues it", async () => {
      await recordAssetEvents(client, {
        dagId: dags.producer,
        runId: "r",
        taskId: "t",
        events: [{ uri }],
      });
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let claimed!: () => void;
      const wasClaimed = new Promise<void>((resolve) => (claimed = resolve));
      const first = client.transaction(async (tx) => {
        const mine = await claimAssetTriggeredDags(tx, { dagIds: [dags.consumer] });
        claimed();
        await released;
        await consumeAssetDagRunQueue(tx, {
          dagId: dags.consumer,
          assetIds: mine[0]!.assets.map((a) => a.assetId),
        });
        return mine;
      });
      await wasClaimed;
      const second = await other.transaction((tx) =>
        claimAssetTriggeredDags(tx, { dagIds: [dags.consumer] }),
      );
      expect(second).toEqual([]);
      const during = recordAssetEvents(other, {
        dagId: dags.producer,
        runId: "r",
        taskId: "t",
        events: [{ uri }],
      });
      await untilSomeoneWaitsForALock();
      release();
      expect((await first).map((d) => d.dagId)).toEqual([dags.consumer]);
      expect((await during).queuedDagIds).toEqual([dags.consumer]);
      const after = await claimAssetTriggeredDags(client, { dagIds: [dags.consumer] });
      expect(after.map((d) => d.assets.length)).toEqual([1]);
    });
  });
});
