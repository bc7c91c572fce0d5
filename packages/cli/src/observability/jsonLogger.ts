// UPDRAFT_LOG_FORMAT=json: one JSON object per line through pino, for log shippers. Keys are
// pino's (`level` as its label, `time` in ISO 8601, `msg`, `pid`, `hostname`) plus the event's
// fields from logFields. info goes to io.out, warn and error to io.err, as in the text format.
import { hostname } from "node:os";
import { multistream, pino, stdTimeFunctions } from "pino";
import type { Io } from "../commands/dags";
import { logFields } from "./logFields";

/** The levels the CLI logs at. */
export type LogLevel = "info" | "warn" | "error";

/** Writes one event. */
export type LogWriter = (
  level: LogLevel,
  message: string,
  fields?: Readonly<Record<string, unknown>>,
) => void;

const BASE = { pid: process.pid, hostname: hostname() };
const RESERVED = new Set(["level", "time", "msg", ...Object.keys(BASE)]);

/**
 * An event's fields without pino's own keys: a field repeating the base value (a scheduler's
 * hostname) is dropped, any other clash is kept as `event_<key>`, so no line has a key twice.
 */
function withoutReserved(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!RESERVED.has(key)) out[key] = value;
    else if ((BASE as Record<string, unknown>)[key] !== value) out[`event_${key}`] = value;
  }
  return out;
}

/** A writer of JSON lines to `io`. */
export function createJsonLogWriter(io: Io): LogWriter {
  const line = (write: (text: string) => void) => ({
    write: (chunk: string) => write(chunk.endsWith("\n") ? chunk.slice(0, -1) : chunk),
  });
  const logger = pino(
    {
      level: "info",
      base: BASE,
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    // dedupe: each line goes to the stream of its highest matching level only.
    multistream(
      [
        { level: "info", stream: line((t) => io.out(t)) },
        { level: "warn", stream: line((t) => io.err(t)) },
      ],
      { dedupe: true },
    ),
  );
  return (level, message, fields = {}) =>
    logger[level](withoutReserved(logFields(fields)), message);
}
