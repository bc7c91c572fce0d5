// The log viewer's level filter: a line shows when its level is at least the chosen one. Lines
// without a level (plain text) count as info, as Airflow's task logger writes them.
import type { LogLine } from "./logLine";

export const LOG_LEVEL_FILTERS = [
  { value: "all", label: "All levels" },
  { value: "info", label: "Info and above" },
  { value: "warning", label: "Warning and above" },
  { value: "error", label: "Error and above" },
] as const;
export type LogLevelFilter = (typeof LOG_LEVEL_FILTERS)[number]["value"];

const INFO = 20;
const RANKS: Readonly<Record<string, number>> = {
  debug: 10,
  info: INFO,
  warn: 30,
  warning: 30,
  error: 40,
  exception: 40,
  critical: 50,
  fatal: 50,
};

export const levelRank = (level: string | null): number =>
  (level === null ? undefined : RANKS[level]) ?? INFO;

export const isLogLevelFilter = (value: string): value is LogLevelFilter =>
  LOG_LEVEL_FILTERS.some((f) => f.value === value);

export function passesLevel(line: LogLine, filter: LogLevelFilter): boolean {
  return filter === "all" || levelRank(line.level) >= levelRank(filter);
}
