// Redis hygiene for test files: delete every key under a prefix, and list the clients that a
// prefix's adapters left connected (a leak).
import { Redis } from "ioredis";
import { testRedisUrl } from "@updraft/testing";

/** Deletes every key under `<prefix>:`. */
export async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(testRedisUrl());
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    await redis.quit();
  }
}

/** Names of the clients connected to Redis whose name starts with `<prefix>:`. */
export async function openClients(prefix: string): Promise<string[]> {
  const redis = new Redis(testRedisUrl());
  try {
    const list = (await redis.client("LIST")) as string;
    return list
      .split("\n")
      .map((line) => /(?:^| )name=(\S*)/.exec(line)?.[1] ?? "")
      .filter((name) => name.startsWith(`${prefix}:`));
  } finally {
    await redis.quit();
  }
}
