// What one live view follows, polled: the active runs (of one DAG, or all), or one run's task
// instances, or one try's log lines. Each poll returns only what changed since the last one; the
// first returns the current state, so a view that (re)connects starts complete.
import {
  dagRunSnapshots,
  type DagRunSnapshot,
  getDagRun,
  readTaskLogs,
  type SqlClient,
  taskInstanceChanges,
} from "@updraft/store";
import { apiDate } from "../serialize/datetime";
import { logRedactor } from "../taskInstances/logRedactor";

/** What a feed follows. */
export interface FeedFilter {
  readonly dagId: string | null;
  readonly runId: string | null;
  /** With dagId and runId: one try's log lines. */
  readonly log: {
    readonly taskId: string;
    readonly mapIndex: number;
    readonly tryNumber: number;
  } | null;
}

/** One event of the stream: its SSE event name and JSON data. */
export interface LiveEvent {
  readonly type: "dag_run" | "task_instance" | "log";
  readonly data: Readonly<Record<string, unknown>>;
}

function runEvent(run: {
  dagId: string;
  runId: string;
  state: string;
  runType?: string;
  startDate: Date | null;
  endDate: Date | null;
}): LiveEvent {
  return {
    type: "dag_run",
    data: {
      dag_id: run.dagId,
      dag_run_id: run.runId,
      state: run.state,
      ...(run.runType === undefined ? {} : { run_type: run.runType }),
      start_date: apiDate(run.startDate),
      end_date: apiDate(run.endDate),
    },
  };
}

/** Polls one filter's changes. */
export class LiveFeed {
  readonly #client: SqlClient;
  readonly #filter: FeedFilter;
  /** Runs seen active at the last poll, with the updated_at they had. */
  #runs = new Map<number, number>();
  #runState: string | null = null;
  #sinceMicros: string | null = null;
  #afterLogId: number | null = null;

  constructor(client: SqlClient, filter: FeedFilter) {
    this.#client = client;
    this.#filter = filter;
  }

  /** What changed since the previous poll (everything current on the first). */
  async poll(): Promise<LiveEvent[]> {
    const { dagId, runId, log } = this.#filter;
    if (dagId !== null && runId !== null && log !== null) return this.#pollLog(dagId, runId, log);
    if (dagId !== null && runId !== null) return this.#pollRun(dagId, runId);
    return this.#pollRuns(dagId);
  }

  async #pollRuns(dagId: string | null): Promise<LiveEvent[]> {
    const snapshots = await dagRunSnapshots(this.#client, { dagId, ids: [...this.#runs.keys()] });
    const events: LiveEvent[] = [];
    const next = new Map<number, number>();
    for (const run of snapshots) {
      if (this.#runs.get(run.id) !== run.updatedAt.getTime()) events.push(runEvent(run));
      if (isActive(run)) next.set(run.id, run.updatedAt.getTime());
    }
    this.#runs = next;
    return events;
  }

  async #pollRun(dagId: string, runId: string): Promise<LiveEvent[]> {
    const events: LiveEvent[] = [];
    const run = await getDagRun(this.#client, { dagId, runId });
    if (run !== null && run.state !== this.#runState) {
      this.#runState = run.state;
      events.push(runEvent({ ...run, runId: run.runId }));
    }
    const changes = await taskInstanceChanges(this.#client, {
      dagId,
      runId,
      sinceMicros: this.#sinceMicros,
    });
    for (const ti of changes)
      events.push({
        type: "task_instance",
        data: {
          dag_id: dagId,
          dag_run_id: runId,
          task_id: ti.taskId,
          map_index: ti.mapIndex,
          state: ti.state,
          try_number: ti.tryNumber,
          start_date: apiDate(ti.startDate),
          end_date: apiDate(ti.endDate),
          duration: ti.duration,
        },
      });
    const last = changes.at(-1);
    if (last !== undefined) this.#sinceMicros = last.updatedMicros;
    return events;
  }

  async #pollLog(
    dagId: string,
    runId: string,
    log: NonNullable<FeedFilter["log"]>,
  ): Promise<LiveEvent[]> {
    const page = await readTaskLogs(this.#client, {
      dagId,
      runId,
      taskId: log.taskId,
      mapIndex: log.mapIndex,
      tryNumber: log.tryNumber,
      afterId: this.#afterLogId,
      limit: 1000,
    });
    this.#afterLogId = page.continuationToken;
    if (page.lines.length === 0) return [];
    // The same redaction as GET …/logs: a stored password never reaches the stream either.
    const redact = await logRedactor(this.#client);
    return [
      {
        type: "log",
        data: {
          dag_id: dagId,
          dag_run_id: runId,
          task_id: log.taskId,
          map_index: log.mapIndex,
          try_number: log.tryNumber,
          content: page.lines.map((line) => ({
            timestamp: apiDate(line.timestamp),
            level: line.level,
            event: redact(line.message),
          })),
          continuation_token: String(page.continuationToken),
        },
      },
    ];
  }
}

const isActive = (run: DagRunSnapshot): boolean =>
  run.state === "queued" || run.state === "running";
