// An API app over a migrated Postgres database of the test file's own, with supertest and a
// token per role. Call `useApi()` at the top of a test file.
import { createPgClient, migrateUrl, SCHEMA_KEY, type SqlClient } from "@updraft/store";
import { createTestDatabase, type TestDatabase } from "@updraft/testing";
import type { Express } from "express";
import request from "supertest";
import { type ApiOptions, createApiApp, issueToken, type Role } from "../../src";

export const TEST_SECRET = "test-secret-of-at-least-thirty-two-characters";

/** The Authorization header of a user with `role` (username: the role in lower case). */
export const bearer = (role: Role, username = role.toLowerCase()): string =>
  `Bearer ${issueToken({ secret: TEST_SECRET }, { username, role })}`;

/** What the tests of a file get. */
export interface ApiTest {
  readonly db: TestDatabase;
  readonly client: SqlClient;
  readonly app: Express;
  /** A supertest request with `role`'s token (Admin by default). */
  as(role?: Role): ReturnType<typeof authorized>;
  /** The bearer token of a user with `role`. */
  tokenFor(role: Role, username?: string): string;
}

function authorized(app: Express, token: string) {
  const agent = request(app);
  const withToken = <T extends { set(field: string, value: string): T }>(test: T): T =>
    test.set("Authorization", `Bearer ${token}`);
  return {
    get: (url: string) => withToken(agent.get(url)),
    post: (url: string) => withToken(agent.post(url)),
    patch: (url: string) => withToken(agent.patch(url)),
    put: (url: string) => withToken(agent.put(url)),
    delete: (url: string) => withToken(agent.delete(url)),
  };
}

/** Registers beforeAll/afterAll creating the database and the app. */
export function useApi(options: Partial<Omit<ApiOptions, "client">> = {}): () => ApiTest {
  let state: ApiTest | undefined;
  beforeAll(async () => {
    const db = await createTestDatabase({ templateKey: SCHEMA_KEY, prepare: migrateUrl });
    const client = createPgClient({ connectionString: db.url, maxConnections: 4 });
    const app = createApiApp({
      ...options,
      client,
      auth: { secret: TEST_SECRET, ...options.auth },
      log: () => undefined,
    });
    const tokenFor = (role: Role, username = role.toLowerCase()) =>
      issueToken({ secret: TEST_SECRET }, { username, role });
    state = { db, client, app, tokenFor, as: (role = "Admin") => authorized(app, tokenFor(role)) };
  });
  afterAll(async () => {
    await state?.client.close();
    await state?.db.drop();
  });
  return () => {
    if (state === undefined) throw new Error("the API exists only inside tests");
    return state;
  };
}
