// Contract of the asset queries: every SqlClient adapter must pass it.
import { claimAssetTriggeredDags } from "../../src/queries/assets/claimAssetTriggeredDags";
import { consumeAssetDagRunQueue } from "../../src/queries/assets/consumeAssetDagRunQueue";
import { listAssetEvents } from "../../src/queries/assets/listAssetEvents";
import { listAssets } from "../../src/queries/assets/listAssets";
import { recordAssetEvents } from "../../src/queries/assets/recordAssetEvents";
import { syncAssetReferences } from "../../src/queries/assets/syncAssetReferences";
import type { SqlClient } from "../../src/sqlClient";

const uid = (): string => Math.random().toString(36).slice(2, 10);

async function seedDag(client: SqlClient, dagId: string, isPaused = false): Promise<void> {
  await client.query("insert into dag (dag_id, is_paused) values ($1, $2)", [dagId, isPaused]);
}

/** A producer DAG updating assets A and B, and consumers C1 (on A) and C2 (on A and B). */
async function seedScenario(client: SqlClient) {
  const id = uid();
  const uriA = `s3://bucket/${id}/a`;
  const uriB = `s3://bucket/${id}/b`;
  const dags = { producer: `prod_${id}`, c1: `c1_${id}`, c2: `c2_${id}` };
  for (const dagId of Object.values(dags)) await seedDag(client, dagId);
  await syncAssetReferences(client, {
    dagId: dags.producer,
    scheduleAssets: [],
    taskOutlets: [{ taskId: "load", assets: [{ uri: uriA }, { uri: uriB, extra: { k: 1 } }] }],
  });
  await syncAssetReferences(client, {
    dagId: dags.c1,
    scheduleAssets: [{ uri: uriA }],
    taskOutlets: [],
  });
  await syncAssetReferences(client, {
    dagId: dags.c2,
    scheduleAssets: [{ uri: uriA }, { uri: uriB }],
    taskOutlets: [],
  });
  return { id, uriA, uriB, dags };
}

/** Runs the asset contract against the client getClient returns. */
export function describeAssetsContract(getClient: () => SqlClient): void {
  describe("assets", () => {
    test("syncAssetReferences creates assets by (name, uri) and replaces references", async () => {
      const client = getClient();
      const { uriA, uriB, dags } = await seedScenario(client);
      const again = await syncAssetReferences(client, {
        dagId: dags.c2,
        scheduleAssets: [{ uri: uriB, group: "tables" }],
        taskOutlets: [{ taskId: "t", assets: [{ uri: uriB, name: "named_b" }] }],
      });
      expect(again.assets.map((a) => [a.name, a.uri, a.group])).toEqual([
        ["named_b", uriB, "asset"],
        [uriB, uriB, "asset"],
      ]);
      const listed = await listAssets(client, { uriPattern: `${uriA.slice(0, -2)}%` });
      expect(listed.totalEntries).toBe(3);
      expect(
        listed.assets.map((a) => [a.name, a.extra, a.scheduledDagIds, a.producingTasks]),
      ).toEqual([
        [uriA, {}, [dags.c1], [{ dagId: dags.producer, taskId: "load" }]],
        [uriB, { k: 1 }, [dags.c2], [{ dagId: dags.producer, taskId: "load" }]],
        ["named_b", {}, [], [{ dagId: dags.c2, taskId: "t" }]],
      ]);
      const page = await listAssets(client, {
        uriPattern: `${uriA.slice(0, -2)}%`,
        limit: 1,
        offset: 1,
      });
      expect(page.assets.map((a) => a.name)).toEqual([uriB]);
    });

    test("syncAssetReferences on a DAG that does not exist fails with NOT_FOUND", async () => {
      await expect(
        syncAssetReferences(getClient(), {
          dagId: `missing_${uid()}`,
          scheduleAssets: [],
          taskOutlets: [],
        }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    });

    test("an outlet update queues both consumer DAGs; claims and consumes per DAG", async () => {
      const client = getClient();
      const { uriA, uriB, dags } = await seedScenario(client);
      const ti = { dagId: dags.producer, runId: "r1", taskId: "load", mapIndex: -1 };
      const first = await recordAssetEvents(client, {
        ...ti,
        events: [{ uri: uriA, extra: { rows: 10 } }, { uri: "s3://unknown" }],
        now: new Date("2026-02-01T00:00:00Z"),
      });
      expect(first.queuedDagIds).toEqual([dags.c1, dags.c2].sort());
      expect(first.assetEvents).toEqual([
        expect.objectContaining({
          uri: uriA,
          name: uriA,
          extra: { rows: 10 },
          sourceDagId: dags.producer,
          sourceTaskId: "load",
          sourceRunId: "r1",
          sourceMapIndex: -1,
          timestamp: new Date("2026-02-01T00:00:00Z"),
        }),
      ]);
      const mine = [dags.c1, dags.c2];
      const claimed = await client.transaction((tx) =>
        claimAssetTriggeredDags(tx, { dagIds: mine }),
      );
      expect(claimed.map((d) => [d.dagId, d.assets.map((a) => a.uri)])).toEqual(
        [
          [dags.c1, [uriA]],
          [dags.c2, [uriA]],
        ].sort(),
      );
      await recordAssetEvents(client, { ...ti, events: [{ uri: uriB }] });
      await recordAssetEvents(client, { ...ti, events: [{ uri: uriA }] });
      await client.transaction(async (tx) => {
        const [c1] = await claimAssetTriggeredDags(tx, { dagIds: [dags.c1] });
        expect(
          await consumeAssetDagRunQueue(tx, {
            dagId: dags.c1,
            assetIds: c1!.assets.map((a) => a.assetId),
          }),
        ).toBe(1);
      });
      const left = await claimAssetTriggeredDags(client, { dagIds: mine });
      expect(left).toEqual([
        {
          dagId: dags.c2,
          assets: [expect.objectContaining({ uri: uriA }), expect.objectContaining({ uri: uriB })],
        },
      ]);
      expect(left[0]!.assets[0]!.createdAt).toEqual(new Date("2026-02-01T00:00:00Z"));
      const events = await listAssetEvents(client, { sourceDagId: dags.producer, limit: 2 });
      expect(events.totalEntries).toBe(3);
      expect(events.assetEvents.map((e) => e.uri)).toEqual([uriA, uriB]);
      const newest = await listAssetEvents(client, {
        sourceDagId: dags.producer,
        descending: true,
        limit: 1,
      });
      expect(newest.assetEvents.map((e) => e.uri)).toEqual([uriA]);
    });

    test("a consume rolled back leaves the queue as it was", async () => {
      const client = getClient();
      const { uriA, dags } = await seedScenario(client);
      await recordAssetEvents(client, {
        dagId: dags.producer,
        runId: "r",
        taskId: "load",
        events: [{ uri: uriA }],
      });
      await expect(
        client.transaction(async (tx) => {
          const [c1] = await claimAssetTriggeredDags(tx, { dagIds: [dags.c1] });
          await consumeAssetDagRunQueue(tx, {
            dagId: dags.c1,
            assetIds: c1!.assets.map((a) => a.assetId),
          });
          throw new Error("run creation failed");
        }),
      ).rejects.toThrow("run creation failed");
      const still = await claimAssetTriggeredDags(client, { dagIds: [dags.c1] });
      expect(still.map((d) => d.dagId)).toEqual([dags.c1]);
    });

    test("paused consumers are not queued; references dropped drop their queue entries", async () => {
      const client = getClient();
      const { uriA, uriB, dags } = await seedScenario(client);
      await client.query("update dag set is_paused = true where dag_id = $1", [dags.c1]);
      const result = await recordAssetEvents(client, {
        dagId: dags.producer,
        runId: "r",
        taskId: "load",
        events: [{ uri: uriA }, { uri: uriB }],
      });
      expect(result.queuedDagIds).toEqual([dags.c2]);
      await syncAssetReferences(client, {
        dagId: dags.c2,
        scheduleAssets: [{ uri: uriB }],
        taskOutlets: [],
      });
      const claimed = await claimAssetTriggeredDags(client, { dagIds: [dags.c1, dags.c2] });
      expect(claimed.map((d) => [d.dagId, d.assets.map((a) => a.uri)])).toEqual([
        [dags.c2, [uriB]],
      ]);
      expect(
        await recordAssetEvents(client, {
          dagId: dags.producer,
          runId: "r",
          taskId: "load",
          events: [],
        }),
      ).toEqual({ assetEvents: [], queuedDagIds: [] });
    });
  });
}
