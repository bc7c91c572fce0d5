// BullMQ for the benchmark, pinned to the version @updraft/executor uses (5.81.5), so the raw
// ceiling and the engine run the same code.
import * as BullMq from "bullmq";

/** bullmq, for the raw ceiling. */
export const bullmq = BullMq;

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
