// Reading one try's log for GET …/logs/{try_number}: the lines after a continuation point, one
// page of them (or all of them with full_content), redacted, as Airflow's StructuredLogMessage
// ({event, timestamp, level}). The log has ended when the try is over and nothing is left to
// read; until then the reader gets a position to continue from.
import {
  listTaskInstanceTries,
  readTaskLogs,
  type SqlClient,
  type TaskInstanceKey,
  type TaskLogRow,
} from "@updraft/store";
import { TaskInstanceState } from "@updraft/sdk";
import { notFound } from "../http/apiError";
import { apiDate } from "../serialize/datetime";
import { logRedactor } from "./logRedactor";

/** Lines per read without full_content. */
export const LOG_PAGE_LINES = 1000;

// States in which the current try may still write lines.
const LIVE: ReadonlySet<string | null> = new Set([
  TaskInstanceState.SCHEDULED,
  TaskInstanceState.QUEUED,
  TaskInstanceState.RUNNING,
  TaskInstanceState.RESTARTING,
  TaskInstanceState.DEFERRED,
  TaskInstanceState.UP_FOR_RESCHEDULE,
]);

/** What a read returns. */
export interface TryLog {
  readonly content: readonly Record<string, unknown>[];
  /** The id of the last line read (the continuation point), or the one given. */
  readonly logPos: number;
  readonly endOfLog: boolean;
}

/** Input of readTryLog. */
export interface ReadTryLogInput extends TaskInstanceKey {
  readonly tryNumber: number;
  /** Continue after this line id (0: from the start). */
  readonly afterId: number;
  readonly fullContent: boolean;
}

/** Reads the try's log; 404 when the task instance never had that try. */
export async function readTryLog(client: SqlClient, input: ReadTryLogInput): Promise<TryLog> {
  const tries = await listTaskInstanceTries(client, input);
  const attempt = tries.find((t) => t.tryNumber === input.tryNumber);
  if (attempt === undefined) throw notFound("TaskInstance not found");
  const live = attempt.isCurrent && LIVE.has(attempt.state);
  const lines: TaskLogRow[] = [];
  let afterId = input.afterId;
  let exhausted: boolean;
  do {
    const page = await readTaskLogs(client, { ...input, afterId, limit: LOG_PAGE_LINES });
    lines.push(...page.lines);
    afterId = page.continuationToken ?? afterId;
    exhausted = page.lines.length < LOG_PAGE_LINES;
  } while (input.fullContent && !exhausted);
  const redact = await logRedactor(client);
  return {
    content: lines.map((line) => ({
      timestamp: apiDate(line.timestamp),
      event: redact(line.message),
      level: line.level,
    })),
    logPos: afterId,
    endOfLog: exhausted && !live,
  };
}
