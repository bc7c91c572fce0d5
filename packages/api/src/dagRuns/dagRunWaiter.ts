// The stream of GET …/dagRuns/{dag_run_id}/wait (Airflow 3.1's experimental DagRunWaiter):
// NDJSON, one `{"state": …}` line now and one every `interval` seconds, until the run is success
// or failed; that last line also carries `results`, the return XComs of the `result` tasks (a
// mapped task's as a list in map index order). Polled from the store; it stops when the client
// goes away, and ends early if the run is deleted meanwhile.
import { DagRunState } from "@updraft/sdk";
import { getDagRun, pullXcoms, type SqlClient } from "@updraft/store";
import type { Response } from "express";

/** What to wait for. */
export interface DagRunWait {
  readonly dagId: string;
  readonly runId: string;
  /** Between two polls. */
  readonly intervalMs: number;
  /** Tasks whose return XCom the last line carries; none means no `results`. */
  readonly resultTaskIds: readonly string[];
}

// setTimeout fires at once beyond this (a signed 32-bit millisecond count).
const LONGEST_TIMER_MS = 2_147_483_647;

const FINISHED: ReadonlySet<string> = new Set([DagRunState.SUCCESS, DagRunState.FAILED]);

/** The return XComs of `taskIds`, by task id in task id order. */
async function resultsOf(client: SqlClient, wait: DagRunWait): Promise<Record<string, unknown>> {
  const taskIds = [...new Set(wait.resultTaskIds)].sort();
  const xcoms = await pullXcoms(client, { dagId: wait.dagId, runId: wait.runId, taskIds });
  const results: Record<string, unknown> = {};
  for (const taskId of taskIds) {
    const entries = xcoms.filter((x) => x.taskId === taskId);
    const [only] = entries;
    if (only === undefined) continue;
    results[taskId] =
      entries.length === 1 && only.mapIndex < 0 ? only.value : entries.map((x) => x.value);
  }
  return results;
}

/** The run's line now, and whether it is the last; null when the run is gone. */
async function stateLine(
  client: SqlClient,
  wait: DagRunWait,
): Promise<{ readonly line: string; readonly finished: boolean } | null> {
  const run = await getDagRun(client, { dagId: wait.dagId, runId: wait.runId });
  if (run === null) return null;
  if (!FINISHED.has(run.state))
    return { line: JSON.stringify({ state: run.state }), finished: false };
  const body =
    wait.resultTaskIds.length === 0
      ? { state: run.state }
      : { state: run.state, results: await resultsOf(client, wait) };
  return { line: JSON.stringify(body), finished: true };
}

/**
 * Answers `res` with the stream. The first poll runs before anything is written, so a failure
 * there is an ordinary error response; a later failed poll is retried at the next interval.
 */
export async function streamDagRunWait(
  client: SqlClient,
  res: Response,
  wait: DagRunWait,
): Promise<void> {
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  res.on("close", () => {
    closed = true;
    clearTimeout(timer);
  });
  const first = await stateLine(client, wait);
  if (closed) return;
  res.writeHead(200, {
    "Content-Type": "application/x-ndjson",
    "Cache-Control": "no-cache, no-transform",
    "X-Accel-Buffering": "no",
  });
  /** Writes a poll's line; true when the stream is over (the run finished or is gone). */
  const write = (next: Awaited<ReturnType<typeof stateLine>>): boolean => {
    if (next !== null) res.write(`${next.line}\n`);
    const over = next === null || next.finished;
    if (over) res.end();
    return over;
  };
  const delay = Math.min(wait.intervalMs, LONGEST_TIMER_MS);
  const tick = async (): Promise<void> => {
    let done = false;
    try {
      const next = await stateLine(client, wait);
      if (closed) return;
      done = write(next);
    } catch {
      // The database may be back by the next poll; the client keeps waiting meanwhile.
    }
    if (!done && !closed) timer = setTimeout(() => void tick(), delay);
  };
  if (!write(first)) timer = setTimeout(() => void tick(), delay);
}
