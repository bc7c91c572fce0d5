// appendTaskLogs: stores a batch of log lines of one task instance try in one insert.
//   writes:  inserts one `task_log` row per line, ids increasing in the order given
//   locks:   key-share lock on the dag_run row until commit (the run cannot go meanwhile; its
//            deletion deletes its lines, see migration 0008)
//   returns: { count, lastId } (lastId null for an empty batch); NOT_FOUND when the run does
//            not exist
import { hasErrorCode } from "@updraft/sdk";
import { StoreError } from "../../storeError";
import type { SqlClient } from "../../sqlClient";

/** One log line as the worker captured it. */
export interface TaskLogLine {
  /** @default the database clock */
  readonly timestamp?: Date;
  /** @default "info" */
  readonly level?: string;
  readonly message: string;
}

/** Input of appendTaskLogs. */
export interface AppendTaskLogsInput {
  readonly dagId: string;
  readonly runId: string;
  readonly taskId: string;
  /** @default -1 */
  readonly mapIndex?: number;
  readonly tryNumber: number;
  readonly lines: readonly TaskLogLine[];
}

/** What appendTaskLogs stored. */
export interface AppendTaskLogsResult {
  readonly count: number;
  /** The id of the last line stored. */
  readonly lastId: number | null;
}

/** Postgres text cannot hold NUL; a log line must not fail the whole batch for one. */
const withoutNul = (text: string): string => text.replace(/\0/g, "\uFFFD");

/** Appends log lines to a task instance try. */
export async function appendTaskLogs(
  client: SqlClient,
  input: AppendTaskLogsInput,
): Promise<AppendTaskLogsResult> {
  if (input.lines.length === 0) return { count: 0, lastId: null };
  const lines = input.lines.map((l) => ({
    timestamp: l.timestamp?.toISOString() ?? null,
    level: l.level ?? "info",
    message: withoutNul(l.message),
  }));
  try {
    const result = await client.query<{ id: unknown }>(
      `insert into task_log (dag_id, run_id, task_id, map_index, try_number, timestamp, level,
                             message)
       select $1, $2, $3, $4, $5, coalesce((l.line->>'timestamp')::timestamptz, now()),
              l.line->>'level', l.line->>'message'
       from jsonb_array_elements($6::jsonb) with ordinality as l(line, ord)
       where exists (select 1 from dag_run where dag_id = $1 and run_id = $2 for key share)
       order by l.ord
       returning id`,
      [
        input.dagId,
        input.runId,
        input.taskId,
        input.mapIndex ?? -1,
        input.tryNumber,
        JSON.stringify(lines),
      ],
    );
    // Lines were given, so none stored means the run was not there.
    if (result.rows.length === 0) throw runNotFound(input);
    const lastId = result.rows.reduce<number | null>(
      (max, r) => Math.max(max ?? 0, Number(r.id)),
      null,
    );
    return { count: result.rows.length, lastId };
  } catch (error) {
    // A database migrated before 0008 still has the foreign key.
    if (hasErrorCode(error, "23503")) throw runNotFound(input, error);
    throw error;
  }
}

function runNotFound(input: AppendTaskLogsInput, cause?: unknown): StoreError {
  return new StoreError(
    "NOT_FOUND",
    `appendTaskLogs: DAG run ${input.dagId}/${input.runId} does not exist`,
    { details: { dagId: input.dagId, runId: input.runId }, cause },
  );
}
