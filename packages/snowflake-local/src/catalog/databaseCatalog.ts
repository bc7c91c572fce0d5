// Snowflake databases as DuckDB database files under dataDir, ATTACHed to the one DuckDB instance
// (attachments are instance-wide, so every session's connection sees them); schemas are DuckDB
// schemas inside. A database file left by an earlier run with the same dataDir is attached on use.

import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { SqlError } from "../errors";
import { quoteIdent, quoteString } from "../sql/tokenize";
import { Mutex } from "../session/mutex";

/** What CREATE did: made the object, or found it already there. */
export type CreateOutcome = "created" | "exists";

/** Options of CREATE [OR REPLACE] ... [IF NOT EXISTS]. */
export interface CreateMode {
  readonly orReplace: boolean;
  readonly ifNotExists: boolean;
}

/** The default schema of every new database, as in Snowflake. */
export const DEFAULT_SCHEMA = "PUBLIC";

/** Databases and schemas, with a version that changes whenever either set changes. */
export class DatabaseCatalog {
  private versionCounter = 0;
  private readonly mutex = new Mutex();

  constructor(
    private readonly admin: DuckDBConnection,
    private readonly directory: string,
  ) {}

  /** Changes whenever a database or schema is created or dropped. */
  get version(): number {
    return this.versionCounter;
  }

  /** True when database `name` exists (attaching its file if an earlier run left one). */
  async exists(name: string): Promise<boolean> {
    return this.mutex.run(async () => {
      if (await this.isAttached(name)) return true;
      if (!existsSync(this.filePath(name))) return false;
      await this.attach(name);
      return true;
    });
  }

  /** CREATE DATABASE. */
  async create(name: string, mode: CreateMode): Promise<CreateOutcome> {
    return this.mutex.run(async () => {
      const attached = (await this.isAttached(name)) || existsSync(this.filePath(name));
      if (attached && !mode.orReplace) {
        if (mode.ifNotExists) {
          if (!(await this.isAttached(name))) await this.attach(name);
          return "exists";
        }
        throw new SqlError("002002", `SQL compilation error:\nObject '${name}' already exists.`);
      }
      if (attached) await this.detachAndDelete(name);
      await this.attach(name);
      await this.admin.run(
        `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(name)}.${quoteIdent(DEFAULT_SCHEMA)}`,
      );
      this.versionCounter += 1;
      return "created";
    });
  }

  /** DROP DATABASE; false when it did not exist. */
  async drop(name: string): Promise<boolean> {
    return this.mutex.run(async () => {
      const known = (await this.isAttached(name)) || existsSync(this.filePath(name));
      if (!known) return false;
      await this.detachAndDelete(name);
      this.versionCounter += 1;
      return true;
    });
  }

  /** True when `schema` exists in attached database `database`. */
  schemaExists(database: string, schema: string): Promise<boolean> {
    return this.mutex.run(() => this.hasSchema(database, schema));
  }

  private async hasSchema(database: string, schema: string): Promise<boolean> {
    const reader = await this.admin.runAndReadAll(
      `SELECT 1 FROM duckdb_schemas() WHERE database_name = ${quoteString(database)} AND schema_name = ${quoteString(schema)}`,
    );
    return reader.currentRowCount > 0;
  }

  /** CREATE SCHEMA inside an existing database. */
  async createSchema(database: string, schema: string, mode: CreateMode): Promise<CreateOutcome> {
    await this.requireDatabase(database);
    return this.mutex.run(async () => {
      const target = `${quoteIdent(database)}.${quoteIdent(schema)}`;
      if (await this.hasSchema(database, schema)) {
        if (mode.ifNotExists) return "exists";
        if (!mode.orReplace) {
          throw new SqlError(
            "002002",
            `SQL compilation error:\nObject '${schema}' already exists.`,
          );
        }
        await this.admin.run(`DROP SCHEMA ${target} CASCADE`);
      }
      await this.admin.run(`CREATE SCHEMA ${target}`);
      this.versionCounter += 1;
      return "created";
    });
  }

  /** DROP SCHEMA (with its contents, Snowflake's default); false when it did not exist. */
  async dropSchema(database: string, schema: string): Promise<boolean> {
    if (!(await this.exists(database))) return false;
    return this.mutex.run(async () => {
      if (!(await this.hasSchema(database, schema))) return false;
      await this.admin.run(`DROP SCHEMA ${quoteIdent(database)}.${quoteIdent(schema)} CASCADE`);
      this.versionCounter += 1;
      return true;
    });
  }

  /** Throws Snowflake's 002003 unless database `name` exists. */
  async requireDatabase(name: string): Promise<void> {
    if (!(await this.exists(name))) {
      throw new SqlError(
        "002003",
        `SQL compilation error:\nDatabase '${name}' does not exist or not authorized.`,
        {
          sqlState: "02000",
        },
      );
    }
  }

  private filePath(name: string): string {
    return path.join(this.directory, `${encodeURIComponent(name)}.duckdb`);
  }

  private async isAttached(name: string): Promise<boolean> {
    const reader = await this.admin.runAndReadAll(
      `SELECT 1 FROM duckdb_databases() WHERE database_name = ${quoteString(name)}`,
    );
    return reader.currentRowCount > 0;
  }

  private async attach(name: string): Promise<void> {
    await this.admin.run(`ATTACH ${quoteString(this.filePath(name))} AS ${quoteIdent(name)}`);
    this.versionCounter += 1;
  }

  private async detachAndDelete(name: string): Promise<void> {
    if (await this.isAttached(name)) await this.admin.run(`DETACH ${quoteIdent(name)}`);
    const file = this.filePath(name);
    rmSync(file, { force: true });
    rmSync(`${file}.wal`, { force: true });
    this.versionCounter += 1;
  }
}
