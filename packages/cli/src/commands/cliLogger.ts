// The long-running verbs' logs (scheduler, worker, api-server, standalone). Text (the default):
// one readable line per event, `2026-05-01T06:00:00.000Z INFO dag run success dag_id=… run_id=…`;
// json (UPDRAFT_LOG_FORMAT=json): the same event as a pino JSON line. Fields use Airflow's
// snake_case and never carry secrets (see observability/logFields). Warnings and errors go to
// stderr.
import type { SchedulerLogger } from "@updraft/scheduler";
import type { TaskFinishedEvent } from "@updraft/worker";
import type { LogFormat } from "../config";
import { createJsonLogWriter, type LogLevel, type LogWriter } from "../observability/jsonLogger";
import { logFields } from "../observability/logFields";
import type { Io } from "./dags";

function formatValue(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return /[\s"=]/.test(text) ? JSON.stringify(text) : text;
}

/** Formats one text log line. */
export function logLine(
  level: LogLevel,
  message: string,
  fields: Record<string, unknown> = {},
  now: Date = new Date(),
): string {
  const pairs = Object.entries(logFields(fields)).map(([k, v]) => `${k}=${formatValue(v)}`);
  return [now.toISOString(), level.toUpperCase(), message, ...pairs].join(" ");
}

/** The scheduler's and dispatcher's logger, plus the line of a finished try. */
export interface CliLogger extends SchedulerLogger {
  /** Logs the end of a try (worker and in-process executor); safe to pass on unbound. */
  readonly taskFinished: (event: TaskFinishedEvent) => void;
}

/** A CliLogger printing through `io` in `format`. */
export function cliLogger(io: Io, format: LogFormat = "text"): CliLogger {
  const write: LogWriter =
    format === "json"
      ? createJsonLogWriter(io)
      : (level, message, fields = {}) => {
          const line = logLine(level, message, fields);
          if (level === "info") io.out(line);
          else io.err(line);
        };
  return {
    info: (message, fields) => write("info", message, fields),
    warn: (message, fields) => write("warn", message, fields),
    error: (message, fields) => write("error", message, fields),
    taskFinished: (event) => {
      const { message, fields } = taskFinishedEntry(event);
      write("info", message, fields);
    },
  };
}

/** The message and fields of a finished try. */
function taskFinishedEntry(event: TaskFinishedEvent): {
  message: string;
  fields: Record<string, unknown>;
} {
  const { key, tryNumber, outcome } = event;
  const fields = {
    dagId: key.dagId,
    runId: key.runId,
    taskId: key.taskId,
    ...(key.mapIndex === -1 ? {} : { mapIndex: key.mapIndex }),
    tryNumber,
  };
  return outcome.kind === "ran"
    ? { message: `task ${outcome.state}`, fields }
    : { message: "task delivery dropped", fields: { ...fields, reason: outcome.reason } };
}

/** The text line printed when a try ends (worker and in-process executor). */
export function taskFinishedLine(event: TaskFinishedEvent): string {
  const { message, fields } = taskFinishedEntry(event);
  return logLine("info", message, fields);
}
