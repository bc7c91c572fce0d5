// What every route module gets: the metadata store and the API's settings.
import type { SqlClient } from "@updraft/store";
import type { ErrorLog } from "./http/errorHandler";

/** Options of the API app. */
export interface ApiOptions {
  /** The metadata database. */
  readonly client: SqlClient;
  readonly auth: {
    /** The JWT signing secret (at least 32 characters). */
    readonly secret: string;
    /** @default true; false serves every call as Admin (development only). */
    readonly enabled?: boolean;
    /** @default 86400 */
    readonly expirationSeconds?: number;
    /** Login attempts per IP per minute before 429. @default 10 */
    readonly loginAttemptsPerMinute?: number;
  };
  /** The DAGs folder, for DAG sources. */
  readonly dagsFolder?: string;
  /** Updraft's version, for GET /version. */
  readonly version?: string;
  /** Where unexpected errors are logged (never sent to clients). @default console.error */
  readonly log?: ErrorLog;
  /** Largest request body. @default "1mb" */
  readonly bodyLimit?: string;
  /** Origins allowed by CORS; none (CORS off) by default. */
  readonly corsOrigins?: readonly string[];
  /** The built web UI to serve at the root (apps/web/dist); none by default. */
  readonly uiDir?: string;
}

/** What route modules read. */
export interface ApiContext {
  readonly client: SqlClient;
  readonly options: ApiOptions;
}
