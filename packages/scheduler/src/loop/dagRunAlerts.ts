// Alerts the scheduler raises itself, recorded in the notification outbox:
// - when a run finishes: the DAG's own callbacks (on_success_callback / on_failure_callback, run
//   here as Airflow runs them outside the task), then what they and the routing rules ask for;
// - when a try's worker was lost (no heartbeat) and the scheduler failed or retried it: what the
//   task's `email` args, its notifiers and the routing rules ask for (its worker cannot).
// Runs after the pass that made the change has committed, off the scheduling loop; a callback
// that throws or hangs is logged, never more.
import { type AlertFacts, BaseNotifier, recordAlerts, taskAlertFacts } from "@updraft/notify";
import {
  type Dag,
  type DagCallback,
  type DagCallbackContext,
  type NotificationRequest,
  type NotificationSink,
  renderTemplate,
  type SerializedDag,
} from "@updraft/sdk";
import {
  type DagRunRow,
  getDagRun,
  type SqlClient,
  type TaskInstanceRow,
  taskInstanceStates,
} from "@updraft/store";
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
  /** Where `email` task args go for tries the scheduler fails. @default "smtp_default" */
  readonly emailConnId?: string;
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

/** A try the scheduler ended because its worker stopped heartbeating. */
export interface LostTry {
  readonly ti: TaskInstanceRow;
  readonly state: "failed" | "up_for_retry";
  readonly serialized: SerializedDag | null;
  readonly timeoutSeconds: number;
  readonly now: Date;
}

/** Runs a finished run's DAG callbacks and records its alerts, and those of lost tries. */
export class DagRunAlerts {
  readonly #client: SqlClient;
  readonly #logger: SchedulerLogger;
  readonly #route: NonNullable<DagRunAlertOptions["route"]>;
  readonly #windowSeconds: number;
  readonly #emailConnId: string;
  readonly #callbackTimeoutMs: number;
  readonly #loadDag: ((dagId: string, fileloc: string) => Dag) | null;
  readonly #inFlight = new Set<Promise<void>>();

  constructor(client: SqlClient, logger: SchedulerLogger, options: DagRunAlertOptions = {}) {
    this.#client = client;
    this.#logger = logger;
    this.#route = options.route ?? (() => []);
    this.#windowSeconds = options.windowSeconds ?? 900;
    this.#emailConnId = options.emailConnId ?? "smtp_default";
    this.#callbackTimeoutMs = options.callbackTimeoutMs ?? 30_000;
    this.#loadDag = options.loadDag ?? null;
  }

  /** Starts the work for one finished run; `drain` waits for everything started. */
  handle(finished: FinishedRun): void {
    this.#track(
      this.#run(finished).catch((error: unknown) =>
        this.#logger.error("DAG run callbacks/alerts failed", {
          dagId: finished.run.dagId,
          runId: finished.run.runId,
          error: String(error),
        }),
      ),
    );
  }

  /** Starts recording the alerts of a try whose worker was lost. */
  handleLostTry(lost: LostTry): void {
    this.#track(
      this.#lostTry(lost).catch((error: unknown) =>
        this.#logger.error("alerts of a lost try failed", {
          dagId: lost.ti.dagId,
          taskId: lost.ti.taskId,
          error: String(error),
        }),
      ),
    );
  }

  /** Resolves once every run handed over so far is done. */
  async drain(): Promise<void> {
    await Promise.all([...this.#inFlight]);
  }

  #track(work: Promise<void>): void {
    this.#inFlight.add(work);
    void work.finally(() => this.#inFlight.delete(work));
  }

  async #lostTry(lost: LostTry): Promise<void> {
    const { ti, state, serialized } = lost;
    const event = state === "failed" ? "failure" : "retry";
    const task = serialized?.dag.tasks.find((t) => t.task_id === ti.taskId);
    const requests: NotificationRequest[] = [];
    const wantsEmail = event === "failure" ? task?.email_on_failure : task?.email_on_retry;
    if (task !== undefined && task.email.length > 0 && wantsEmail === true)
      requests.push({ channel: "email", connId: this.#emailConnId, to: task.email });
    requests.push(...this.#notifiersOf(ti, event, serialized));
    requests.push(
      ...this.#route({ dagId: ti.dagId, tags: serialized?.dag.tags ?? [], event, scope: "task" }),
    );
    if (requests.length === 0) return;
    const run = await getDagRun(this.#client, { dagId: ti.dagId, runId: ti.runId });
    const facts = taskAlertFacts(ti, {
      event,
      logicalDate: run?.logicalDate ?? null,
      error: `The worker running this try stopped heartbeating for ${lost.timeoutSeconds} s (host ${ti.hostname ?? "unknown"}, pid ${ti.pid ?? "unknown"}); marked ${state}`,
      logTail: [],
      endDate: lost.now,
    });
    await recordAlerts(this.#client, { facts, requests, windowSeconds: this.#windowSeconds });
  }

  /** The task's notifier objects for `event` (function callbacks need a live try to run in). */
  #notifiersOf(
    ti: TaskInstanceRow,
    event: "failure" | "retry",
    serialized: SerializedDag | null,
  ): NotificationRequest[] {
    const fileloc = serialized?.dag.fileloc ?? null;
    if (this.#loadDag === null || fileloc === null) return [];
    try {
      const callbacks = this.#loadDag(ti.dagId, fileloc).task(ti.taskId).args.callbacks[event];
      return callbacks.flatMap((c) => (c instanceof BaseNotifier ? [...c.requests()] : []));
    } catch (error) {
      this.#logger.warn("task notifiers not loaded for a lost try", {
        dagId: ti.dagId,
        taskId: ti.taskId,
        error: String(error),
      });
      return [];
    }
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
    // A DAG-level notifier's own text is a template over the run's fields.
    const context = {
      dag_id: run.dagId,
      run_id: run.runId,
      state,
      reason: finished.reason,
      logical_date: run.logicalDate,
      ds: run.logicalDate?.toISOString().slice(0, 10) ?? null,
    };
    const render = (template: string): string => {
      try {
        return renderTemplate(template, context, "notification");
      } catch (error) {
        this.#logger.warn("notification template not rendered", { error: String(error) });
        return template;
      }
    };
    await recordAlerts(this.#client, {
      facts,
      requests,
      windowSeconds: this.#windowSeconds,
      render,
    });
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
