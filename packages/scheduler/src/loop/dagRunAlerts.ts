// When a run finishes: the DAG's own callbacks (on_success_callback / on_failure_callback, run
// here as Airflow runs them outside the task), then the alerts they and the routing rules ask
// for, recorded in the notification outbox. Runs after the pass that finished the run has
// committed, off the scheduling loop; a callback that throws or hangs is logged, never more.
import { type AlertFacts, recordAlerts } from "@updraft/notify";
import type {
  Dag,
  DagCallback,
  DagCallbackContext,
  NotificationRequest,
  NotificationSink,
} from "@updraft/sdk";
import { type DagRunRow, type SqlClient, taskInstanceStates } from "@updraft/store";
import type { SchedulerLogger } from "./schedulerOptions";

/** Routing for DAG-level alerts (the CLI passes the global rules). */
export interface DagRunAlertOptions {
  /** The destinations global rules give a failed run. @default none */
  readonly route?: (event: {
    readonly dagId: string;
    readonly tags: readonly string[];
    readonly event: "failure" | "retry";
    readonly scope: "task" | "dag";
  }) => readonly NotificationRequest[];
  /** An alert's throttle window. @default 900 */
  readonly windowSeconds?: number;
  /** How long a DAG callback may run. @default 30000 */
  readonly callbackTimeoutMs?: number;
  /** Loads the live DAG (with its callbacks) from its file. */
  readonly loadDag?: (dagId: string, fileloc: string) => Dag;
}

/** A finished run, as the scheduler saw it. */
export interface FinishedRun {
  readonly run: DagRunRow;
  readonly state: "success" | "failed";
  readonly reason: string;
  readonly fileloc: string | null;
  readonly tags: readonly string[];
  readonly now: Date;
}

const FAILED_STATES = new Set(["failed", "upstream_failed"]);

async function withTimeout(work: Promise<unknown>, ms: number, what: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs a finished run's DAG callbacks and records its alerts. */
export class DagRunAlerts {
  readonly #client: SqlClient;
  readonly #logger: SchedulerLogger;
  readonly #route: NonNullable<DagRunAlertOptions["route"]>;
  readonly #windowSeconds: number;
  readonly #callbackTimeoutMs: number;
  readonly #loadDag: ((dagId: string, fileloc: string) => Dag) | null;
  readonly #inFlight = new Set<Promise<void>>();

  constructor(client: SqlClient, logger: SchedulerLogger, options: DagRunAlertOptions = {}) {
    this.#client = client;
    this.#logger = logger;
    this.#route = options.route ?? (() => []);
    this.#windowSeconds = options.windowSeconds ?? 900;
    this.#callbackTimeoutMs = options.callbackTimeoutMs ?? 30_000;
    this.#loadDag = options.loadDag ?? null;
  }

  /** Starts the work for one finished run; `drain` waits for everything started. */
  handle(finished: FinishedRun): void {
    const work = this.#run(finished).catch((error: unknown) =>
      this.#logger.error("DAG run callbacks/alerts failed", {
        dagId: finished.run.dagId,
        runId: finished.run.runId,
        error: String(error),
      }),
    );
    this.#inFlight.add(work);
    void work.finally(() => this.#inFlight.delete(work));
  }

  /** Resolves once every run handed over so far is done. */
  async drain(): Promise<void> {
    await Promise.all([...this.#inFlight]);
  }

  async #run(finished: FinishedRun): Promise<void> {
    const { run, state } = finished;
    const requests: NotificationRequest[] = [];
    const sink: NotificationSink = {
      send: (request) => {
        requests.push(request);
        return Promise.resolve();
      },
    };
    await this.#callbacks(finished, sink);
    if (state === "failed")
      requests.push(
        ...this.#route({ dagId: run.dagId, tags: finished.tags, event: "failure", scope: "dag" }),
      );
    if (requests.length === 0) return;
    const failedTasks =
      state === "failed"
        ? (await taskInstanceStates(this.#client, run))
            .filter((i) => i.state !== null && FAILED_STATES.has(i.state))
            .map((i) =>
              i.mapIndex >= 0
                ? `${i.taskId}[${i.mapIndex}]: ${i.state}`
                : `${i.taskId}: ${i.state}`,
            )
        : [];
    const facts: AlertFacts = {
      event: state === "failed" ? "failure" : "success",
      scope: "dag",
      dagId: run.dagId,
      taskId: null,
      runId: run.runId,
      mapIndex: -1,
      logicalDate: run.logicalDate?.toISOString() ?? null,
      tryNumber: null,
      maxTries: null,
      error: state === "failed" ? `DAG run failed: ${finished.reason}` : null,
      logTail: failedTasks,
      durationSeconds:
        run.startDate === null ? null : (finished.now.getTime() - run.startDate.getTime()) / 1000,
      url: null,
    };
    await recordAlerts(this.#client, { facts, requests, windowSeconds: this.#windowSeconds });
  }

  async #callbacks(finished: FinishedRun, sink: NotificationSink): Promise<void> {
    if (this.#loadDag === null || finished.fileloc === null) return;
    let callbacks: readonly DagCallback[];
    try {
      const dag = this.#loadDag(finished.run.dagId, finished.fileloc);
      callbacks = finished.state === "success" ? dag.onSuccess : dag.onFailure;
    } catch (error) {
      this.#logger.error("DAG not loaded for its callbacks", {
        dagId: finished.run.dagId,
        error: String(error),
      });
      return;
    }
    const context: DagCallbackContext = {
      dagId: finished.run.dagId,
      runId: finished.run.runId,
      state: finished.state,
      reason: finished.reason,
      logicalDate: finished.run.logicalDate,
      notifications: sink,
    };
    for (const callback of callbacks) {
      try {
        const result =
          typeof callback === "function" ? callback(context) : callback.notify(context);
        await withTimeout(
          Promise.resolve(result),
          this.#callbackTimeoutMs,
          `on_${finished.state === "success" ? "success" : "failure"}_callback`,
        );
      } catch (error) {
        this.#logger.error("DAG callback failed", {
          dagId: finished.run.dagId,
          runId: finished.run.runId,
          error: String(error),
        });
      }
    }
  }
}
