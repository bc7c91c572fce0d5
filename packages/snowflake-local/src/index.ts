// @updraft/snowflake-local: a local server speaking enough of Snowflake's HTTP protocol for the
// real snowflake-sdk, backed by DuckDB. See README.md for what it covers.

export { startLocalSnowflake } from "./localSnowflake";
export type { LocalSnowflake } from "./localSnowflake";
export type { LocalSnowflakeOptions } from "./options";
export { LocalSnowflakeError, SqlErrorCode } from "./errors";
export type { LocalSnowflakeErrorCode } from "./errors";
