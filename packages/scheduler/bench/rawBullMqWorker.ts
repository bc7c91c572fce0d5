// The raw BullMQ ceiling's consumer, in a process of its own as a real worker is: a plain BullMQ
// Worker whose processor returns at once. Prints "ready" once it consumes, then "done <epoch ms>"
// when it has completed the expected number of jobs.
// `node --conditions=@updraft/source -r sucrase/register rawBullMqWorker.ts <redis url> <prefix> <queue> <jobs> <concurrency>`
import { performance } from "node:perf_hooks";
import { bullmq } from "./bullmq";

async function main(): Promise<void> {
  const [redisUrl, prefix, queue, jobs, concurrency] = process.argv.slice(2);
  if (!redisUrl || !prefix || !queue || !jobs || !concurrency)
    throw new Error("usage: rawBullMqWorker.ts <redis url> <prefix> <queue> <jobs> <concurrency>");
  const expected = Number(jobs);
  let completed = 0;
  const worker = new bullmq.Worker(queue, () => Promise.resolve(undefined), {
    connection: { url: redisUrl, maxRetriesPerRequest: null },
    prefix,
    concurrency: Number(concurrency),
    autorun: false,
  });
  worker.on("completed", () => {
    completed += 1;
    if (completed === expected)
      process.stdout.write(`done ${performance.timeOrigin + performance.now()}\n`);
  });
  worker.on("error", (error) => process.stderr.write(`${error.message}\n`));
  await worker.waitUntilReady();
  const running = worker.run();
  process.stdout.write("ready\n");
  process.once("SIGTERM", () => {
    void worker.close().then(() => running.then(() => process.exit(0)));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
