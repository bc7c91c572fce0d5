// BullMQ for the benchmark: the very copy @updraft/executor depends on (5.81.5), loaded from that
// package's dependencies, so the raw ceiling and the engine run the same code. The scheduler
// package does not depend on bullmq itself; the types come through bench/tsconfig.json's paths.
import { createRequire } from "node:module";
import type * as BullMq from "bullmq";

const fromExecutor = createRequire(require.resolve("@updraft/executor"));

/** bullmq as @updraft/executor resolves it. */
export const bullmq = fromExecutor("bullmq") as typeof BullMq;

/** Deletes every key under `<prefix>:`; returns how many were deleted. */
export async function deleteKeys(redisUrl: string, prefix: string): Promise<number> {
  const queue = new bullmq.Queue("cleanup", { connection: { url: redisUrl }, prefix });
  try {
    // A plain (non-cluster) connection, as the bench opens it.
    const redis = (await queue.client) as unknown as {
      scan(
        cursor: string,
        match: "MATCH",
        pattern: string,
        count: "COUNT",
        n: number,
      ): Promise<[string, string[]]>;
      del(...keys: string[]): Promise<number>;
    };
    let cursor = "0";
    let deleted = 0;
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== "0");
    return deleted;
  } finally {
    await queue.close();
  }
}
