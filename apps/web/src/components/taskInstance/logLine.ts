// A log line as the viewer shows it: Airflow's StructuredLogMessage ({event, timestamp, level,
// …any other fields}) or a plain string, made into time, level and message.
import type { StructuredLogLine } from "../../api/types";
import { formatDate } from "../../format/formatDate";

/** A line as the API or the live stream sends it. */
export type RawLogLine = StructuredLogLine | string;

export interface LogLine {
  readonly timestamp: string | null;
  /** Lower case ("info", "warning", …); null when the line names none. */
  readonly level: string | null;
  /** The message, with any further fields of the line as ` key=value`. */
  readonly event: string;
}

const OWN_FIELDS = new Set(["event", "timestamp", "level"]);

const fieldText = (value: unknown): string =>
  typeof value === "string" ? value : (JSON.stringify(value) ?? "");

export function toLogLine(raw: RawLogLine): LogLine {
  if (typeof raw === "string") return { timestamp: null, level: null, event: raw };
  const extra = Object.entries(raw)
    .filter(([name, value]) => !OWN_FIELDS.has(name) && value !== undefined)
    .map(([name, value]) => ` ${name}=${fieldText(value)}`)
    .join("");
  return {
    timestamp: typeof raw.timestamp === "string" ? raw.timestamp : null,
    level: typeof raw.level === "string" && raw.level !== "" ? raw.level.toLowerCase() : null,
    event: fieldText(raw.event ?? "") + extra,
  };
}

/** Local time to the millisecond: log lines are often less than a second apart. */
export function formatLogTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${formatDate(iso)}.${String(date.getMilliseconds()).padStart(3, "0")}`;
}

/** The line as the downloaded file has it: `[2026-01-02T03:04:05.123000Z] INFO - message`. */
export function logLineText(line: LogLine): string {
  const parts: string[] = [];
  if (line.timestamp !== null) parts.push(`[${line.timestamp}]`);
  if (line.level !== null) parts.push(`${line.level.toUpperCase()} -`);
  parts.push(line.event);
  return parts.join(" ");
}
