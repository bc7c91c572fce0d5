// One readable line per event for the long-running verbs (scheduler, worker, standalone):
// `2026-05-01T06:00:00.000Z INFO dag run success dag_id=… run_id=…`, fields in Airflow's
// snake_case. Warnings and errors go to stderr.
import type { SchedulerLogger } from "@updraft/scheduler";
import type { TaskFinishedEvent } from "@updraft/worker";
import type { Io } from "./dags";

const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function formatValue(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return /[\s"=]/.test(text) ? JSON.stringify(text) : text;
}

/** Formats one log line. */
export function logLine(
  level: "info" | "warn" | "error",
  message: string,
  fields: Record<string, unknown> = {},
  now: Date = new Date(),
): string {
  const pairs = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${snake(k)}=${formatValue(v)}`);
  return [now.toISOString(), level.toUpperCase(), message, ...pairs].join(" ");
}

/** A SchedulerLogger printing through `io`. */
export function cliLogger(io: Io): SchedulerLogger {
  return {
    info: (message, fields) => io.out(logLine("info", message, fields)),
    warn: (message, fields) => io.err(logLine("warn", message, fields)),
    error: (message, fields) => io.err(logLine("error", message, fields)),
  };
}

/** The line printed when a try ends (worker and in-process executor). */
export function taskFinishedLine(event: TaskFinishedEvent): string {
  const { key, tryNumber, outcome } = event;
  const fields = {
    dagId: key.dagId,
    runId: key.runId,
    taskId: key.taskId,
    ...(key.mapIndex === -1 ? {} : { mapIndex: key.mapIndex }),
    tryNumber,
  };
  return outcome.kind === "ran"
    ? logLine("info", `task ${outcome.state}`, fields)
    : logLine("info", "task delivery dropped", { ...fields, reason: outcome.reason });
}
