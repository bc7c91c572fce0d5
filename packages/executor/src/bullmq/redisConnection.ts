// The Redis connections of the BullMQ adapters: ioredis with `maxRetriesPerRequest: null`, as
// BullMQ requires for workers, named after the key prefix so `CLIENT LIST` shows whose they are.
import { Redis } from "ioredis";
import { z } from "zod";

/** The Redis URL used when none is given. */
export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

/** The key prefix (namespace) used when none is given. */
export const DEFAULT_PREFIX = "updraft";

/** Option fields shared by the BullMQ producer and worker. */
export const redisOptionFields = {
  redisUrl: z
    .url({ protocol: /^rediss?$/, error: "expected a redis:// or rediss:// URL" })
    .default(DEFAULT_REDIS_URL),
  prefix: z
    .string({ error: "expected a non-empty key prefix" })
    .min(1, { error: "expected a non-empty key prefix" })
    .default(DEFAULT_PREFIX),
};

/** Opens an ioredis connection named `<prefix>:<role>`. */
export function createRedisConnection(redisUrl: string, prefix: string, role: string): Redis {
  return new Redis(redisUrl, { maxRetriesPerRequest: null, connectionName: `${prefix}:${role}` });
}
