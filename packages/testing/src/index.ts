// @updraft/testing: dev-only helpers for tests against real services.
export { createTestDatabase, testServerUrl } from "./pgDatabase";
export type { TestDatabase } from "./pgDatabase";
export { testRedisPrefix, testRedisUrl } from "./redisPrefix";
export { FakeSlack } from "./fakeSlack";
export type { ReceivedPost } from "./fakeSlack";
export { startSmtpTestServer } from "./smtpTestServer";
export type { ReceivedMail, SmtpTestServer, SmtpTestServerOptions } from "./smtpTestServer";
