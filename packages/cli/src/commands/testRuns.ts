// `updraft dags test` and `updraft tasks test`: run a whole DAG run, or one task instance, in
// this process against a private in-memory PGlite database — no scheduler, no metadata database
// and no paused flag involved — printing each task's log lines as it finishes and the final
// states. Exit 0 on success, 1 otherwise.
import {
  DagCache,
  processDagsFolder,
  Scheduler,
  taskJobOf,
  triggerDagRun,
} from "@updraft/scheduler";
import type { DagRunFinishedEvent } from "@updraft/scheduler";
import {
  createPgliteClient,
  listTaskInstances,
  migrate,
  queueTaskInstances,
  readTaskLogs,
  scheduleTaskInstances,
  setDagRunState,
  type SqlClient,
  type TaskInstanceKey,
} from "@updraft/store";
import { createStoreTaskRunner } from "@updraft/worker";
import { startLocalExecutor } from "../compose";
import type { Config } from "../config";
import { formatRows } from "../table";
import type { Io } from "./dags";
import { parseConf, parseDate } from "./parseInput";

/** A private in-memory database holding the parsed DAGs folder. */
async function withPrivateDatabase(
  config: Config,
  dagId: string,
  io: Io,
  work: (client: SqlClient) => Promise<number>,
): Promise<number> {
  const client = await createPgliteClient();
  try {
    await migrate(client);
    const report = await processDagsFolder(client, {
      dagsFolder: config.dagsFolder,
      pausedByDefault: false,
    });
    if (!report.dagIds.includes(dagId)) {
      const failed =
        report.importErrors > 0 ? ` (${report.importErrors} file(s) failed to import)` : "";
      io.err(`Dag id ${dagId} not found in ${config.dagsFolder}${failed}`);
      return 1;
    }
    return await work(client);
  } finally {
    await client.close();
  }
}

function label(key: TaskInstanceKey): string {
  return key.mapIndex === -1 ? key.taskId : `${key.taskId}[${key.mapIndex}]`;
}

/** Prints every log line of one try, prefixed with the task. */
async function printLog(
  client: SqlClient,
  key: TaskInstanceKey,
  tryNumber: number,
  io: Io,
): Promise<void> {
  let afterId: number | null = null;
  for (;;) {
    const page = await readTaskLogs(client, { ...key, tryNumber, afterId, limit: 1000 });
    for (const line of page.lines)
      io.out(`[${label(key)}] ${line.level.toUpperCase()} ${line.message}`);
    if (page.lines.length < 1000) return;
    afterId = page.continuationToken;
  }
}

async function printStates(client: SqlClient, dagId: string, runId: string, io: Io) {
  const tis = await listTaskInstances(client, { dagId, runId });
  io.out(
    formatRows(
      tis.map((ti) => ({
        task_id: ti.taskId,
        map_index: ti.mapIndex,
        state: ti.state,
        try_number: ti.tryNumber,
        duration: ti.duration === null ? null : `${ti.duration.toFixed(2)}s`,
      })),
      ["task_id", "map_index", "state", "try_number", "duration"],
      "table",
    ),
  );
}

/** `dags test <dag_id> [logical_date]`: one whole run, in process. */
export async function testDag(
  config: Config,
  dagId: string,
  logicalDateText: string | undefined,
  options: { conf?: string },
  io: Io,
): Promise<number> {
  const logicalDate =
    logicalDateText === undefined ? new Date() : parseDate("logical_date", logicalDateText);
  const conf = parseConf(options.conf);
  return withPrivateDatabase(config, dagId, io, async (client) => {
    const logs: Promise<void>[] = [];
    let runId: string | null = null;
    const executor = await startLocalExecutor(config, client, {
      concurrency: config.parallelism,
      heartbeatIntervalMs: 1000,
      graceMs: 1000,
      onFinished: (event) => {
        if (event.outcome.kind === "ran" && event.key.runId === runId)
          logs.push(printLog(client, event.key, event.tryNumber, io));
      },
    });
    const scheduler = new Scheduler({
      client,
      executor: executor.executor,
      pausedByDefault: false,
      sweepIntervalMs: 100,
      // Only the run this command triggers: no timetable runs, whatever the DAG's schedule.
      runCreationIntervalMs: Number.MAX_SAFE_INTEGER,
      parallelism: config.parallelism,
    });
    const finished = new Map<string, DagRunFinishedEvent>();
    let notify: (() => void) | null = null;
    scheduler.on("dagRunFinished", (event) => {
      finished.set(event.run.runId, event);
      notify?.();
    });
    try {
      await scheduler.start();
      const { dagRun } = await scheduler.trigger({
        dagId,
        conf,
        logicalDate,
        triggeredBy: "test",
      });
      runId = dagRun.runId;
      io.out(`Testing ${dagId}, run ${dagRun.runId} (logical date ${logicalDate.toISOString()})`);
      while (!finished.has(dagRun.runId)) await new Promise<void>((resolve) => (notify = resolve));
      await scheduler.stop();
      await executor.close();
      await Promise.all(logs);
      await printStates(client, dagId, dagRun.runId, io);
      const event = finished.get(dagRun.runId)!;
      io.out(
        `Dag run ${dagRun.runId} ${event.state}${event.reason === event.state ? "" : ` (${event.reason})`}`,
      );
      return event.state === "success" ? 0 : 1;
    } finally {
      await scheduler.stop();
      await executor.close();
    }
  });
}

/** `tasks test <dag_id> <task_id> [logical_date]`: one task instance, dependencies ignored. */
export async function testTask(
  config: Config,
  dagId: string,
  taskId: string,
  logicalDateText: string | undefined,
  io: Io,
): Promise<number> {
  const logicalDate =
    logicalDateText === undefined ? new Date() : parseDate("logical_date", logicalDateText);
  return withPrivateDatabase(config, dagId, io, async (client) => {
    const cache = new DagCache(client);
    const dag = (await cache.get(dagId))!;
    const task = dag.taskById.get(taskId);
    if (task === undefined) {
      io.err(`Task ${taskId} not found in DAG ${dagId}`);
      return 1;
    }
    if (task.is_mapped) {
      io.err(`Task ${taskId} is mapped; tasks test runs unmapped tasks only (use \`dags test\`).`);
      return 1;
    }
    const { dagRun } = await triggerDagRun(client, cache, {
      dagId,
      logicalDate,
      triggeredBy: "test",
    });
    await setDagRunState(client, { id: dagRun.id, from: "queued", to: "running" });
    const key = { dagId, runId: dagRun.runId, taskId, mapIndex: -1 };
    await scheduleTaskInstances(client, { keys: [key] });
    const { queued } = await queueTaskInstances(client, { limit: 1, keys: [key] });
    const ti = queued[0];
    if (ti === undefined) throw new RangeError(`task ${taskId}: could not be queued`);
    const runner = createStoreTaskRunner({
      client,
      env: config.taskEnv,
      heartbeatIntervalMs: 1000,
    });
    const outcome = await runner(taskJobOf(ti, new Date()), new AbortController().signal);
    await printLog(client, key, ti.tryNumber, io);
    const state = outcome.kind === "ran" ? outcome.state : `dropped (${outcome.reason})`;
    io.out(`Task ${taskId} of ${dagId} (logical date ${logicalDate.toISOString()}): ${state}`);
    return state === "success" || state === "skipped" ? 0 : 1;
  });
}
