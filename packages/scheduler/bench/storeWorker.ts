// The benchmark's worker process: the real BullMqWorker running the store-backed TaskRunner, as
// `updraft worker` does. Prints "ready" once it consumes. Over its IPC channel it answers
// {type:"stats"} with the worker-side timings since the last {type:"reset"}: the runner's time per
// task (jobFinished durationMs) and the pickup delay (jobStarted − the scheduler's enqueuedAt).
// `node --conditions=@updraft/source -r sucrase/register storeWorker.ts <pg url> <redis url> <prefix> <concurrency>`
import { performance } from "node:perf_hooks";
import { BullMqWorker } from "@updraft/executor";
import { createPgClient } from "@updraft/store";
import { createStoreTaskRunner } from "@updraft/worker";
import { processCpuMs, SqlTimings, timedClient } from "./instrument";
import { summarize } from "./stats";

/** What the worker process answers to {type:"stats"}. */
export interface WorkerStats {
  readonly type: "stats";
  readonly runnerMs: ReturnType<typeof summarize>;
  readonly pickupMs: ReturnType<typeof summarize>;
  readonly failed: number;
  /** Deliveries whose try ran (any end state), and deliveries the store guard dropped. */
  readonly ran: number;
  readonly dropped: number;
  readonly maxInFlight: number;
  /** This process's CPU time since the reset, in ms. */
  readonly cpuMs: number;
  /** The runner's SQL by statement since the reset. */
  readonly sql: ReturnType<SqlTimings["top"]>;
}

async function main(): Promise<void> {
  const [pgUrl, redisUrl, prefix, concurrency] = process.argv.slice(2);
  if (!pgUrl || !redisUrl || !prefix || !concurrency)
    throw new Error("usage: storeWorker.ts <pg url> <redis url> <prefix> <concurrency>");
  const slots = Number(concurrency);
  const client = createPgClient({
    connectionString: pgUrl,
    maxConnections: slots + 8,
    applicationName: "updraft-bench-worker",
  });
  const sql = new SqlTimings();
  const worker = new BullMqWorker({ redisUrl, prefix, concurrency: slots });
  let runnerMs: number[] = [];
  let pickupMs: number[] = [];
  let failed = 0;
  let ran = 0;
  let dropped = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let cpuAtReset = processCpuMs();
  worker.events.on("jobStarted", ({ job }) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    pickupMs.push(performance.timeOrigin + performance.now() - Date.parse(job.enqueuedAt));
  });
  worker.events.on("jobFinished", ({ durationMs, result }) => {
    inFlight -= 1;
    runnerMs.push(durationMs);
    if (result.status === "returned") {
      if (result.outcome.kind === "ran") ran += 1;
      else dropped += 1;
    }
    if (
      result.status !== "returned" ||
      result.outcome.kind !== "ran" ||
      result.outcome.state !== "success"
    )
      failed += 1;
  });
  worker.events.on("error", (error) => process.stderr.write(`worker error: ${error.message}\n`));
  await worker.start(createStoreTaskRunner({ client: timedClient(client, sql) }));
  process.on("message", (message: { type: string }) => {
    if (message.type === "reset") {
      runnerMs = [];
      pickupMs = [];
      failed = 0;
      ran = 0;
      dropped = 0;
      maxInFlight = 0;
      cpuAtReset = processCpuMs();
      sql.reset();
    } else if (message.type === "stats") {
      const stats: WorkerStats = {
        type: "stats",
        runnerMs: summarize(runnerMs),
        pickupMs: summarize(pickupMs),
        failed,
        ran,
        dropped,
        maxInFlight,
        cpuMs: Math.round(processCpuMs() - cpuAtReset),
        sql: sql.top(10),
      };
      process.send?.(stats);
    }
  });
  process.once("SIGTERM", () => {
    void worker
      .close({ graceMs: 1000 })
      .then(() => client.close())
      .then(() => process.exit(0));
  });
  process.stdout.write("ready\n");
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
