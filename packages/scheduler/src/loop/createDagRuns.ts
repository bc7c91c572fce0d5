// The run-creation passes of the loop: scheduled runs from each unpaused DAG's timetable (up to
// its free max_active_runs slots, catchup and end_date honoured), asset-triggered runs from the
// asset queue, and queued runs started as max_active_runs allows. Two schedulers may run these
// at once: a run both try to create exists once (unique run_id / logical_date), and the asset
// queue is claimed with SKIP LOCKED.
import { planRunCreation } from "@updraft/engine";
import {
  DagRunTriggeredByType,
  DagRunType,
  generateRunId,
  hasErrorCode,
  isAssetConditionMet,
  parseDate,
  type TimeRestriction,
} from "@updraft/sdk";
import {
  claimAssetTriggeredDags,
  consumeAssetDagRunQueue,
  countActiveDagRuns,
  createDagRun,
  type DagRunRow,
  latestAutomatedDataInterval,
  listDagRuns,
  listSchedulableDags,
  setNextDagRun,
  type SqlClient,
  startQueuedDagRuns,
} from "@updraft/store";
import type { DagCache, SchedulableDag } from "./dagCache";

/** The DAG's start/end dates and catchup as a timetable restriction. */
export function restrictionOf(dag: SchedulableDag): TimeRestriction {
  const body = dag.serialized.dag;
  return {
    earliest: body.start_date === null ? null : parseDate(body.start_date, "start_date", "UTC"),
    latest: body.end_date === null ? null : parseDate(body.end_date, "end_date", "UTC"),
    catchup: body.catchup,
  };
}

/** True when createDagRun failed only because the run exists (another scheduler made it). */
const isDuplicate = (error: unknown): boolean => hasErrorCode(error, "DAG_RUN_EXISTS");

/** Creates the due scheduled runs of every unpaused DAG; returns how many were created. */
export async function createScheduledRuns(
  client: SqlClient,
  cache: DagCache,
  now: Date,
): Promise<number> {
  const rows = await listSchedulableDags(client);
  if (rows.length === 0) return 0;
  const dags = await cache.load(rows.map((r) => r.dagId));
  const active = await countActiveDagRuns(client, { dagIds: rows.map((r) => r.dagId) });
  let created = 0;
  for (const row of rows) {
    const dag = dags.get(row.dagId);
    if (dag === undefined || !dag.timetable.periodic) continue;
    const counts = active[row.dagId];
    const plan = planRunCreation({
      timetable: dag.timetable,
      restriction: restrictionOf(dag),
      lastAutomatedDataInterval: await latestAutomatedDataInterval(client, { dagId: row.dagId }),
      activeRuns: (counts?.queued ?? 0) + (counts?.running ?? 0),
      maxActiveRuns: row.maxActiveRuns,
      now,
    });
    for (const { runId, info } of plan.create) {
      try {
        await createDagRun(client, {
          dag: dag.serialized,
          runId,
          runType: DagRunType.SCHEDULED,
          logicalDate: info.logicalDate,
          dataIntervalStart: info.dataInterval?.start ?? null,
          dataIntervalEnd: info.dataInterval?.end ?? null,
          runAfter: info.runAfter,
          triggeredBy: DagRunTriggeredByType.TIMETABLE,
          priorityWeights: dag.priorityWeights,
        });
        created += 1;
      } catch (error) {
        if (!isDuplicate(error)) throw error;
      }
    }
    const next = plan.next;
    await setNextDagRun(client, {
      dagId: row.dagId,
      nextDagRun: next?.logicalDate ?? null,
      dataIntervalStart: next?.dataInterval?.start ?? null,
      dataIntervalEnd: next?.dataInterval?.end ?? null,
      createAfter: next?.runAfter ?? null,
    });
  }
  return created;
}

/** Creates a run for each DAG whose asset condition is met by its queued asset updates. */
export async function createAssetTriggeredRuns(
  client: SqlClient,
  cache: DagCache,
  now: Date,
): Promise<number> {
  return client.transaction(async (tx) => {
    const claimed = await claimAssetTriggeredDags(tx);
    let created = 0;
    for (const { dagId, assets } of claimed) {
      const dag = await cache.get(dagId, tx);
      const condition = dag?.serialized.dag.schedule_assets ?? null;
      if (dag === null || condition === null) continue;
      if (!isAssetConditionMet(condition, new Set(assets.map((a) => a.uri)))) continue;
      await createDagRun(tx, {
        dag: dag.serialized,
        runId: generateRunId(DagRunType.ASSET_TRIGGERED, now),
        runType: DagRunType.ASSET_TRIGGERED,
        logicalDate: null,
        dataIntervalStart: null,
        dataIntervalEnd: null,
        runAfter: now,
        triggeredBy: DagRunTriggeredByType.ASSET,
        priorityWeights: dag.priorityWeights,
        now,
      });
      await consumeAssetDagRunQueue(tx, { dagId, assetIds: assets.map((a) => a.assetId) });
      created += 1;
    }
    return created;
  });
}

/** Starts queued runs (queued → running) within each DAG's max_active_runs. */
export async function startQueuedRuns(client: SqlClient, now: Date): Promise<DagRunRow[]> {
  const queued = await listDagRuns(client, { states: ["queued"], limit: 500 });
  return startQueuedDagRuns(client, { ids: queued.map((r) => r.id), now });
}
