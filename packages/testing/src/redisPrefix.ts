// A Redis key prefix per test file (BullMQ's `test-<uuid>` idea), so parallel runs never share keys.
import { randomBytes } from "node:crypto";

/** A fresh prefix such as `updraft-test-3f9a1c2b`. */
export function testRedisPrefix(): string {
  return `updraft-test-${randomBytes(4).toString("hex")}`;
}

/** The Redis tests use: `UPDRAFT_TEST_REDIS_URL`, else the local server. */
export function testRedisUrl(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  return env.UPDRAFT_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
}
