// @updraft/store: the metadata database. Named exports only.
export type { QueryResult, Row, SqlClient } from "./sqlClient";
export { createPgClient } from "./pg/pgClient";
export type { PgClientOptions } from "./pg/pgClient";
export { createPgliteClient } from "./pglite/pgliteClient";
export type { PgliteClientOptions } from "./pglite/pgliteClient";
export { migrate, resetDatabase } from "./migrate";
export type { MigrationReport } from "./migrate";
export { MIGRATIONS } from "./migrations";
export type { Migration } from "./migrations";
