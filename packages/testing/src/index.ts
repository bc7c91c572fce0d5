// @updraft/testing: dev-only helpers for tests against real services.
export { createTestDatabase, testServerUrl } from "./pgDatabase";
export type { TestDatabase } from "./pgDatabase";
export { testRedisPrefix, testRedisUrl } from "./redisPrefix";
