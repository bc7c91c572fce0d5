// Options of startLocalSnowflake(), compiled once: defaults applied, values checked, frozen.

import { LocalSnowflakeError } from "./errors";

/** How to start the server. */
export interface LocalSnowflakeOptions {
  /** 127.0.0.1 port; 0 = any free one. @default 0 */
  port?: number;
  /** Where DuckDB database files and stages live; a temp dir (removed at stop) when omitted. */
  dataDir?: string;
}

/** Options with defaults applied. `dataDir` undefined means "make a temporary one". */
export interface CompiledLocalSnowflakeOptions {
  readonly port: number;
  readonly dataDir: string | undefined;
}

/** Applies defaults and rejects invalid values. */
export function compileLocalSnowflakeOptions(
  options: LocalSnowflakeOptions = {},
): CompiledLocalSnowflakeOptions {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new LocalSnowflakeError(
      "INVALID_OPTIONS",
      `port: expected an integer 0-65535, got ${String(options.port)}`,
    );
  }
  if (options.dataDir !== undefined && options.dataDir.trim() === "") {
    throw new LocalSnowflakeError(
      "INVALID_OPTIONS",
      "dataDir: expected a directory path, got an empty string",
    );
  }
  return Object.freeze({ port, dataDir: options.dataDir });
}
