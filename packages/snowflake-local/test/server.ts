// One LocalSnowflake and one connection per test file, started in beforeAll and stopped in
// afterAll, so every file runs against a fresh temporary dataDir and jest exits cleanly.

import type { Connection } from "snowflake-sdk";
import type { LocalSnowflake, LocalSnowflakeOptions } from "../src";
import { startLocalSnowflake } from "../src";
import { connect, destroy, exec } from "./driver";

/** What a test file gets: the server, a connection, and a way to open more. */
export interface TestServer {
  readonly server: LocalSnowflake;
  readonly conn: Connection;
  /** Opens another connection, closed in afterAll. */
  connect(options?: Parameters<LocalSnowflake["connectionOptions"]>[0]): Promise<Connection>;
}

/**
 * Registers beforeAll/afterAll hooks and returns a getter for the running server. `setup` runs once
 * on the first connection (typically CREATE DATABASE).
 */
export function useServer(
  setup: readonly string[] = [],
  options: LocalSnowflakeOptions = {},
): () => TestServer {
  let current: TestServer | undefined;
  const extra: Connection[] = [];
  beforeAll(async () => {
    const server = await startLocalSnowflake(options);
    const conn = await connect(server);
    for (const sql of setup) await exec(conn, sql);
    current = {
      server,
      conn,
      connect: async (o) => {
        const c = await connect(server, o);
        extra.push(c);
        return c;
      },
    };
  });
  afterAll(async () => {
    if (current === undefined) return;
    for (const c of [current.conn, ...extra]) if (c.isUp()) await destroy(c);
    await current.server.stop();
  });
  return () => {
    if (current === undefined) throw new Error("server not started");
    return current;
  };
}
