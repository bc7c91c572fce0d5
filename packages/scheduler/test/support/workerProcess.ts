// A BullMQ worker in a process of its own, so a test can kill it with SIGKILL mid-task:
// `node --conditions=@updraft/source -r sucrase/register workerProcess.ts <pg url> <redis url> <prefix>`.
// Prints "ready" once it consumes.
import { BullMqWorker } from "@updraft/executor";
import { createPgClient } from "@updraft/store";
import { createStoreTaskRunner } from "@updraft/worker";

async function main(): Promise<void> {
  const [pgUrl, redisUrl, prefix] = process.argv.slice(2);
  if (pgUrl === undefined || redisUrl === undefined || prefix === undefined)
    throw new Error("usage: workerProcess.ts <pg url> <redis url> <prefix>");
  const client = createPgClient({ connectionString: pgUrl });
  const worker = new BullMqWorker({
    redisUrl,
    prefix,
    concurrency: 4,
    lockDurationMs: 2000,
    stalledIntervalMs: 1000,
  });
  await worker.start(createStoreTaskRunner({ client, heartbeatIntervalMs: 200 }));
  process.stdout.write("ready\n");
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
