// Test helpers: store the fixture DAGs (as the DAG processor would, without the scheduler),
// bring chosen task instances of a fresh run to `queued`, and turn them into TaskJobs.
import path from "node:path";
import type { TaskJob } from "@updraft/executor";
import { loadDagBag } from "@updraft/runtime";
import { DagRunType, type SerializedAssetCondition, type SerializedDag } from "@updraft/sdk";
import {
  type AssetDefinition,
  createDagRun,
  type DagRunRow,
  listTaskInstanceTries,
  queueTaskInstances,
  scheduleTaskInstances,
  setDagRunState,
  type SqlClient,
  syncAssetReferences,
  syncDag,
  type TaskInstanceRow,
} from "@updraft/store";

export const DAGS_FOLDER = path.join(__dirname, "..", "fixtures", "dags");
export const LOGICAL_DATE = new Date("2026-03-04T05:00:00Z");

const bag = loadDagBag(DAGS_FOLDER);
if (bag.importErrors.length > 0)
  throw new Error(`fixture DAGs failed to import: ${JSON.stringify(bag.importErrors)}`);

function serialized(dagId: string): SerializedDag {
  const loaded = bag.dags.get(dagId);
  if (loaded === undefined) throw new Error(`no fixture DAG ${dagId}`);
  return loaded.serialized;
}

function assetsOf(condition: SerializedAssetCondition | null): AssetDefinition[] {
  if (condition === null) return [];
  if (condition.type === "asset") return [{ uri: condition.uri, name: condition.name }];
  return condition.of.flatMap(assetsOf);
}

/** Stores every fixture DAG, unpaused, with its asset references. */
export async function syncFixtureDags(client: SqlClient): Promise<void> {
  for (const { serialized: s } of bag.dags.values()) {
    await syncDag(client, { dag: s, fileloc: s.dag.fileloc, pausedByDefault: false });
    await syncAssetReferences(client, {
      dagId: s.dag.dag_id,
      scheduleAssets: assetsOf(s.dag.schedule_assets),
      taskOutlets: s.dag.tasks
        .filter((t) => t.outlets.length > 0)
        .map((t) => ({
          taskId: t.task_id,
          assets: t.outlets.map((a) => ({ uri: a.uri, name: a.name, group: a.group })),
        })),
    });
  }
}

let runs = 0;

/** A new running run of `dagId`; its task instances have no status. */
export async function runningRun(
  client: SqlClient,
  dagId = "worker_basics",
  conf: Record<string, unknown> = {},
): Promise<DagRunRow> {
  runs += 1;
  const logicalDate = new Date(LOGICAL_DATE.getTime() + (runs - 1) * 86_400_000);
  const { dagRun } = await createDagRun(client, {
    dag: serialized(dagId),
    runId: `manual__test_${runs}`,
    runType: DagRunType.MANUAL,
    logicalDate,
    dataIntervalStart: logicalDate,
    dataIntervalEnd: logicalDate,
    runAfter: logicalDate,
    conf,
  });
  await setDagRunState(client, { id: dagRun.id, from: "queued", to: "running" });
  return dagRun;
}

/** Schedules and queues one task instance of `run` (its next try). */
export async function queueTry(
  client: SqlClient,
  run: DagRunRow,
  taskId: string,
  mapIndex = -1,
): Promise<TaskInstanceRow> {
  const key = { dagId: run.dagId, runId: run.runId, taskId, mapIndex };
  await scheduleTaskInstances(client, { keys: [key] });
  const { queued } = await queueTaskInstances(client, { limit: 10, keys: [key] });
  const ti = queued[0];
  if (ti === undefined) throw new Error(`could not queue ${taskId}[${mapIndex}]`);
  return ti;
}

/** The job the scheduler would enqueue for a queued try. */
export function jobOf(ti: TaskInstanceRow): TaskJob {
  return {
    dagId: ti.dagId,
    runId: ti.runId,
    taskId: ti.taskId,
    mapIndex: ti.mapIndex,
    tryNumber: ti.tryNumber,
    queue: ti.queue,
    priorityWeight: ti.priorityWeight,
    enqueuedAt: new Date().toISOString(),
  };
}

/** The stored log lines of one try, in order. */
export async function logLines(
  client: SqlClient,
  ti: TaskInstanceRow,
  tryNumber = ti.tryNumber,
): Promise<{ level: string; message: string }[]> {
  const { rows } = await client.query<{ level: string; message: string }>(
    `select level, message from task_log
     where dag_id = $1 and run_id = $2 and task_id = $3 and map_index = $4 and try_number = $5
     order by id`,
    [ti.dagId, ti.runId, ti.taskId, ti.mapIndex, tryNumber],
  );
  return rows;
}

/** The states of every try of one task instance (history and the current try), by try. */
export async function tryStates(client: SqlClient, ti: TaskInstanceRow): Promise<string[]> {
  return (await listTaskInstanceTries(client, ti)).map((t) => String(t.state));
}

/** The `task_instance_history` rows (the superseded tries) of one task instance, by try. */
export async function historyStates(client: SqlClient, ti: TaskInstanceRow): Promise<string[]> {
  const { rows } = await client.query<{ state: string }>(
    `select state from task_instance_history
     where dag_id = $1 and run_id = $2 and task_id = $3 and map_index = $4 order by try_number`,
    [ti.dagId, ti.runId, ti.taskId, ti.mapIndex],
  );
  return rows.map((r) => r.state);
}

/** Polls `check` (every 20 ms, up to `timeoutMs`) until it returns true. */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("waitUntil: timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
