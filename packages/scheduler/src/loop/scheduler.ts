// The scheduler process's loop (Airflow's SchedulerJobRunner._run_scheduler_loop), event-driven:
// a committed task completion or new run wakes it at once through LISTEN/NOTIFY; a sweep timer
// and the earliest due retry/reschedule are only safety nets. Each pass asks the engine what to
// do and tells the store and the executor. Any number of schedulers may run against one
// database: runs are claimed with SKIP LOCKED and every write is a compare-and-set.
import { EventEmitter } from "node:events";
import { hostname as osHostname } from "node:os";
import type { Executor } from "@updraft/executor";
import { createDagFileLoader } from "@updraft/runtime";
import {
  dueReschedules,
  endJob,
  heartbeatJob,
  sendQueueTaskInstances,
  registerJob,
  resetTaskInstancesForRetry,
  SCHEDULER_CHANNEL,
  scheduleTaskInstancesCount,
  sendScheduleAndQueue,
  schedulerTimers,
  type DagRunRow,
  type SqlClient,
  type TaskInstanceKey,
  type TaskInstanceRow,
  claimDagRunsToSchedule,
} from "@updraft/store";
import { processDagsFolder } from "../dagProcessor/processDagsFolder";
import { createAssetTriggeredRuns, createScheduledRuns, startQueuedRuns } from "./createDagRuns";
import { DagCache, type SchedulableDag } from "./dagCache";
import { DagRunAlerts } from "./dagRunAlerts";
import { LARGE_RUN, scheduleDagRun } from "./scheduleDagRun";
import type { SchedulerLogger, SchedulerOptions } from "./schedulerOptions";
import { requeueStaleQueued, taskJobOf } from "./taskJobs";
import { triggerDagRun, type TriggerDagRunInput } from "./triggerDagRun";
import { handleZombies } from "./zombies";

/** What one pass did. */
export interface PassReport {
  readonly runsCreated: number;
  readonly runsStarted: number;
  readonly runsExamined: number;
  readonly scheduled: number;
  readonly queued: number;
  readonly durationMs: number;
}

/** A run the scheduler finished. */
export interface DagRunFinishedEvent {
  readonly run: DagRunRow;
  readonly state: "success" | "failed";
  readonly reason: string;
  /** When the pass finished it (the run's end_date), for durations. */
  readonly endDate: Date;
}

/** The scheduler's events. */
export interface SchedulerEvents {
  pass: [PassReport];
  dagRunFinished: [DagRunFinishedEvent];
  error: [Error];
}

// Every statement of a pass reads through an index. Planned from statistics taken before a
// 20,000-task run existed (or from none, on a fresh table), they became sequential and bitmap
// scans that read every instance (and every dead version) on every pass.
// A pass commits without waiting for the WAL flush: what it decides (scheduled, queued, runs
// finished) the next pass decides again from the durable state if a crash of Postgres loses it,
// and the flush (0.4 ms to several ms here) was the longest wait of a chain's edge. A try queued
// by a lost pass fails its worker's claim and is queued and enqueued again (see README).
// Its prepared statements run on generic plans: re-planned per call, the chain's one-key
// schedule update spent more time planning than running.
const PASS_TRANSACTION = { indexScansOnly: true, asyncCommit: true, genericPlans: true } as const;

/** A pass queues at once (sendScheduleAndQueue) the ready instances of one run, up to this many. */
const FAST_PATH_KEYS = 32;
const NONE_LEFT = Promise.resolve(0);

const noopLogger: SchedulerLogger = { info: () => {}, warn: () => {}, error: () => {} };

interface Timers {
  sweep?: NodeJS.Timeout;
  due?: NodeJS.Timeout;
  heartbeat?: NodeJS.Timeout;
}

/** The scheduler loop. `start` runs it until `stop`; `runOnce` runs one pass (tests, `dags test`). */
export class Scheduler extends EventEmitter<SchedulerEvents> {
  readonly cache: DagCache;
  readonly #client: SqlClient;
  readonly #executor: Executor;
  readonly #alerts: DagRunAlerts;
  readonly #o: Required<Omit<SchedulerOptions, "dagsFolder" | "client" | "executor" | "alerts">> & {
    dagsFolder: string | undefined;
  };
  readonly #timers: Timers = {};
  #jobId: number | null = null;
  /** DAGs of LARGE_RUN tasks or more, as last seen: their claims do not read states. */
  readonly #largeDags = new Set<string>();
  /** A try ended up_for_retry or up_for_reschedule since the timers were last read. */
  #timersMoved = true;
  #unlisten: (() => Promise<void>) | null = null;
  #requested = false;
  /** Whether the next pass looks at everything, or only at runs and the queue (see wake). */
  #full = true;
  #draining: Promise<void> | null = null;
  #stopped = true;
  #lastRunCreation = 0;
  #lastDagProcess = 0;
  #lastZombieCheck = 0;
  #lastRequeue = 0;

  constructor(options: SchedulerOptions) {
    super();
    this.#client = options.client;
    this.#executor = options.executor;
    this.cache = new DagCache(options.client);
    this.#o = {
      dagsFolder: options.dagsFolder,
      parallelism: positive("parallelism", options.parallelism ?? 32),
      maxDagRunsPerLoop: positive("maxDagRunsPerLoop", options.maxDagRunsPerLoop ?? 20),
      sweepIntervalMs: positive("sweepIntervalMs", options.sweepIntervalMs ?? 1000),
      runCreationIntervalMs: positive(
        "runCreationIntervalMs",
        options.runCreationIntervalMs ?? 1000,
      ),
      dagProcessIntervalMs: positive(
        "dagProcessIntervalMs",
        options.dagProcessIntervalMs ?? 30_000,
      ),
      pausedByDefault: options.pausedByDefault ?? true,
      zombieTimeoutSeconds: positive("zombieTimeoutSeconds", options.zombieTimeoutSeconds ?? 300),
      zombieCheckIntervalMs: positive(
        "zombieCheckIntervalMs",
        options.zombieCheckIntervalMs ?? 10_000,
      ),
      requeueAfterMs: positive("requeueAfterMs", options.requeueAfterMs ?? 30_000),
      requeueIntervalMs: positive("requeueIntervalMs", options.requeueIntervalMs ?? 10_000),
      heartbeatIntervalMs: positive("heartbeatIntervalMs", options.heartbeatIntervalMs ?? 5000),
      hostname: options.hostname ?? osHostname(),
      logger: options.logger ?? noopLogger,
      clock: options.clock ?? (() => new Date()),
    };
    this.#alerts = new DagRunAlerts(options.client, this.#o.logger, {
      loadDag: createDagFileLoader(),
      ...options.alerts,
    });
  }

  /** Registers the scheduler job, listens for wake-ups and runs the loop until `stop`. */
  async start(): Promise<void> {
    if (!this.#stopped) return;
    this.#stopped = false;
    const job = await registerJob(this.#client, {
      jobType: "SchedulerJob",
      hostname: this.#o.hostname,
      pid: process.pid,
    });
    this.#jobId = job.id;
    // Parse the DAGs folder before the first pass, so a DAG is triggerable once start resolves.
    await this.#processDags(this.#o.clock());
    this.#unlisten = await this.#client.listen(SCHEDULER_CHANNEL, (reason) => {
      if (reason === "task_due_later") this.#timersMoved = true;
      this.wake(reason === "task_finished" || reason === "task_due_later" ? "runs" : "full");
    });
    this.#timers.sweep = setInterval(() => this.wake(), this.#o.sweepIntervalMs);
    this.#timers.heartbeat = setInterval(() => {
      if (this.#jobId !== null)
        heartbeatJob(this.#client, { id: this.#jobId }).catch((e: unknown) => this.#fail(e));
    }, this.#o.heartbeatIntervalMs);
    this.#o.logger.info("scheduler started", { jobId: this.#jobId, hostname: this.#o.hostname });
    this.wake();
  }

  /**
   * Asks for a pass as soon as the current one (if any) ends. A finished try only needs its run
   * examined and the queue filled (`"runs"`); anything else (sweep, timers, new runs, asset
   * updates, clears) asks for a full pass, which also creates and starts runs, schedules due
   * retries and sensor pokes.
   */
  wake(scope: "runs" | "full" = "full"): void {
    if (this.#stopped) return;
    this.#requested = true;
    if (scope === "full") this.#full = true;
    this.#draining ??= this.#drain().finally(() => {
      this.#draining = null;
    });
  }

  /** Stops the loop after the pass in progress; the executor is the caller's to close. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    for (const timer of Object.values(this.#timers)) clearTimeout(timer as NodeJS.Timeout);
    await this.#unlisten?.();
    await this.#draining;
    await this.#alerts.drain();
    if (this.#jobId !== null)
      await endJob(this.#client, { id: this.#jobId }).catch(() => undefined);
    this.#o.logger.info("scheduler stopped", { jobId: this.#jobId });
  }

  /** Creates a manual run and wakes the loop. */
  async trigger(input: TriggerDagRunInput) {
    const created = await triggerDagRun(this.#client, this.cache, input);
    this.wake();
    return created;
  }

  /** One full pass; every step is safe to run concurrently with other schedulers. */
  async runOnce(): Promise<PassReport> {
    const started = performance.now();
    const now = this.#o.clock();
    const due = (last: number, interval: number): boolean => now.getTime() - last >= interval;
    if (due(this.#lastDagProcess, this.#o.dagProcessIntervalMs)) await this.#processDags(now);
    let runsCreated = 0;
    if (due(this.#lastRunCreation, this.#o.runCreationIntervalMs)) {
      this.#lastRunCreation = now.getTime();
      runsCreated += await createScheduledRuns(this.#client, this.cache, now);
    }
    const full = this.#full;
    this.#full = false;
    let runsStarted = 0;
    if (full) {
      runsCreated += await createAssetTriggeredRuns(this.#client, this.cache, now);
      runsStarted = (await startQueuedRuns(this.#client, now)).length;
    }
    // The timers only set the next wake-up: read them beside the pass, off its path, and only
    // when they may have moved (a pass for tries that simply finished leaves them as they were).
    const timersMoved = full || this.#timersMoved;
    this.#timersMoved = false;
    const timers = timersMoved ? schedulerTimers(this.#client) : null;
    timers?.catch(() => undefined); // awaited below; a failed pass must not leave it unhandled
    const pass = await this.#schedulePass(now, full);
    const queued = await this.#enqueue(pass.queued, now);
    if (timers !== null) this.#scheduleDueWake((await timers).nextDueAt, now);
    const { examined, scheduled, more, finished, retried, poked } = pass;
    // A finished run may free a max_active_runs slot for a queued one.
    if (finished > 0) this.wake("full");
    if (due(this.#lastZombieCheck, this.#o.zombieCheckIntervalMs)) {
      this.#lastZombieCheck = now.getTime();
      for (const z of await handleZombies(
        this.#client,
        this.cache,
        this.#o.zombieTimeoutSeconds,
        now,
      )) {
        this.#o.logger.warn("task instance without heartbeat", {
          ...keyFields(z.ti),
          state: z.state,
        });
        this.#alerts.handleLostTry({
          ...z,
          serialized: (await this.cache.get(z.ti.dagId))?.serialized ?? null,
          timeoutSeconds: this.#o.zombieTimeoutSeconds,
          now,
        });
      }
    }
    if (due(this.#lastRequeue, this.#o.requeueIntervalMs)) {
      this.#lastRequeue = now.getTime();
      const requeued = await requeueStaleQueued(
        this.#client,
        this.#executor,
        this.#o.requeueAfterMs,
        now,
      );
      if (requeued > 0)
        this.#o.logger.warn("re-enqueued queued task instances", { count: requeued });
    }
    // Work left over (more runs than one pass takes, tries just scheduled) means another pass.
    if (more || retried + poked > 0 || runsStarted > 0) this.#requested = true;
    const report: PassReport = {
      runsCreated,
      runsStarted,
      runsExamined: examined,
      scheduled: scheduled + retried + poked,
      queued,
      durationMs: performance.now() - started,
    };
    this.emit("pass", report);
    return report;
  }

  async #processDags(now: Date): Promise<void> {
    if (this.#o.dagsFolder === undefined) return;
    this.#lastDagProcess = now.getTime();
    const report = await processDagsFolder(this.#client, {
      dagsFolder: this.#o.dagsFolder,
      pausedByDefault: this.#o.pausedByDefault,
    });
    if (report.importErrors > 0)
      this.#o.logger.warn("DAG files failed to import", { importErrors: report.importErrors });
  }

  /**
   * One transaction from the claim of runs to the queueing of what is ready (one commit per
   * pass): examine the claimed runs, then (full passes) schedule due retries and sensor pokes,
   * then queue what fits. Runs are claimed with SKIP LOCKED and queueing takes its pool and DAG
   * locks after them, in one order for every scheduler, so two schedulers never wait on each
   * other in a cycle. A run's schedule write goes out without waiting for its answer, so the
   * statements after it (the next run's, the queueing) ride in the same round trip; Postgres
   * still runs them in order. So does the queueing write, with the COMMIT behind it. Finished
   * runs are reported once the transaction has committed.
   */
  async #schedulePass(now: Date, full: boolean) {
    const finished: DagRunFinishedEvent[] = [];
    const dagOf = new Map<number, SchedulableDag>();
    // The runs' schedule writes and the queueing write are sent without waiting (see
    // DagRunPassResult.scheduled and sendQueueTaskInstances).
    const writes: Promise<unknown>[] = [];
    const result = await this.#client
      .transaction(
        (tx) => this.#examineAndQueue(tx, now, full, writes, finished, dagOf),
        PASS_TRANSACTION,
      )
      .catch(async (error: unknown) => {
        // A failed write fails every statement after it ("current transaction is aborted"),
        // and the queueing write's failure shows only as a COMMIT that rolled back: report
        // the write's own error.
        for (const settled of await Promise.allSettled(writes))
          if (settled.status === "rejected") throw settled.reason;
        throw error;
      });
    for (const event of finished) {
      this.#o.logger.info(`dag run ${event.state}`, {
        dagId: event.run.dagId,
        runId: event.run.runId,
        reason: event.reason,
      });
      this.emit("dagRunFinished", event);
      const body = dagOf.get(event.run.id)?.serialized.dag;
      this.#alerts.handle({
        ...event,
        fileloc: body?.fileloc ?? null,
        tags: body?.tags ?? [],
        now,
      });
    }
    const queued = await result.queued;
    // Instances the fast path left scheduled (they did not all fit) are queued by the next pass.
    const more = result.more || (await result.leftScheduled) > 0;
    const scheduled = await result.scheduled;
    return { ...result, queued, scheduled, more, finished: finished.length };
  }

  /** The pass's work inside its transaction: claim, examine, schedule retries and pokes, queue. */
  async #examineAndQueue(
    tx: SqlClient,
    now: Date,
    full: boolean,
    writes: Promise<unknown>[],
    finished: DagRunFinishedEvent[],
    dagOf: Map<number, SchedulableDag>,
  ) {
    // A small run's states come with its claim (one round trip less per pass); a large
    // DAG's pass counts what could change first, so its states are not read up front.
    const claimed = await claimDagRunsToSchedule(tx, {
      limit: this.#o.maxDagRunsPerLoop,
      now,
      withStates: { maxInstances: LARGE_RUN - 1, exceptDags: [...this.#largeDags] },
    });
    const hashes = new Map<string, string>();
    for (const { run, dagHash } of claimed) if (dagHash !== null) hashes.set(run.dagId, dagHash);
    const dags = await this.cache.loadVersions(hashes, tx);
    const ready: (readonly TaskInstanceKey[])[] = [];
    for (const { run, instances } of claimed) {
      const dag = dags.get(run.dagId);
      if (dag === undefined) continue;
      if (dag.taskById.size >= LARGE_RUN) this.#largeDags.add(run.dagId);
      else this.#largeDags.delete(run.dagId);
      const pass = await scheduleDagRun(tx, dag, run, now, instances ?? null);
      if (pass.toSchedule.length > 0) ready.push(pass.toSchedule);
      if (pass.finished !== null) {
        finished.push({
          run,
          state: pass.finished,
          reason: pass.reason ?? pass.finished,
          endDate: now,
        });
        dagOf.set(run.id, dag);
      }
    }
    const [only, ...others] = ready;
    if (!full && only !== undefined && others.length === 0 && only.length <= FAST_PATH_KEYS) {
      // Nothing else waits to be queued: the few instances of one run that became ready go
      // straight to queued when they fit, in the pass's last round trip, with the COMMIT.
      if (claimed.every((c) => !c.scheduledWaiting))
        return this.#scheduleAndQueue(tx, only, claimed.length, writes, now);
    }
    const scheduleWrites = ready.map((keys) => {
      // Sent without waiting for the answer: the statements after it ride in the same round
      // trip, and Postgres still runs them in order.
      const write = scheduleTaskInstancesCount(tx, { keys, now });
      write.catch(() => undefined); // awaited below
      writes.push(write);
      return write;
    });
    const retried = full ? await resetTaskInstancesForRetry(tx, { now }) : [];
    const reschedule = full ? await dueReschedules(tx, { now }) : [];
    const poked = await scheduleTaskInstancesCount(tx, { keys: reschedule, now });
    const { queued } = await sendQueueTaskInstances(tx, {
      limit: this.#o.parallelism,
      parallelism: this.#o.parallelism,
      jobId: this.#jobId,
      now,
    });
    // The queueing write is the pass's last statement: the COMMIT follows it unwaited, and its
    // failure is reported as a schedule write's is.
    writes.push(queued);
    let scheduled = 0;
    for (const count of await Promise.all(scheduleWrites)) scheduled += count;
    return {
      examined: claimed.length,
      scheduled: Promise.resolve(scheduled),
      more: claimed.length === this.#o.maxDagRunsPerLoop,
      retried: retried.length,
      poked,
      queued,
      leftScheduled: NONE_LEFT,
    };
  }

  /**
   * The fast path of a pass (sendScheduleAndQueue): its write is the pass's last statement, the
   * COMMIT follows it unwaited. What did not fit stays scheduled, and the next pass queues it.
   */
  #scheduleAndQueue(
    tx: SqlClient,
    keys: readonly TaskInstanceKey[],
    examined: number,
    writes: Promise<unknown>[],
    now: Date,
  ) {
    const [first] = keys as [TaskInstanceKey];
    const written = sendScheduleAndQueue(tx, {
      dagId: first.dagId,
      runId: first.runId,
      keys,
      parallelism: this.#o.parallelism,
      jobId: this.#jobId,
      now,
    });
    writes.push(written);
    // Awaited after the COMMIT; when the write fails, the pass reports its error from `writes`.
    const settled = <T>(p: Promise<T>): Promise<T> => {
      p.catch(() => undefined);
      return p;
    };
    return Promise.resolve({
      examined,
      scheduled: settled(written.then((w) => w.queued.length + w.scheduled)),
      more: examined === this.#o.maxDagRunsPerLoop,
      retried: 0,
      poked: 0,
      queued: settled(written.then((w) => w.queued)),
      leftScheduled: settled(written.then((w) => w.scheduled)),
    });
  }

  /** Hands the tries queued in the pass to the executor; returns how many. */
  async #enqueue(queued: readonly TaskInstanceRow[], now: Date): Promise<number> {
    if (queued.length === 0) return 0;
    try {
      await this.#executor.enqueue(queued.map((ti) => taskJobOf(ti, now)));
    } catch (error) {
      // The tries stay queued in the database; the requeue pass hands them on again.
      this.#o.logger.error("enqueue failed; queued tries will be re-enqueued", {
        count: queued.length,
        error: error instanceof Error ? error.message : String(error),
      });
    }
    return queued.length;
  }

  /** Sets a timer for the earliest retry or reschedule, so it runs on time, not at the sweep. */
  #scheduleDueWake(at: Date | null, now: Date): void {
    clearTimeout(this.#timers.due);
    if (at === null || this.#stopped) return;
    const delay = Math.max(0, at.getTime() - now.getTime());
    if (delay >= this.#o.sweepIntervalMs) return;
    this.#timers.due = setTimeout(() => this.wake(), delay + 1);
  }

  async #drain(): Promise<void> {
    while (this.#requested && !this.#stopped) {
      this.#requested = false;
      try {
        await this.runOnce();
      } catch (error) {
        this.#fail(error);
        // A failing database must not spin the loop; the sweep wakes it again.
        return;
      }
    }
  }

  #fail(error: unknown): void {
    const err = error instanceof Error ? error : new Error(String(error));
    this.#o.logger.error("scheduler pass failed", { error: err.message });
    if (this.listenerCount("error") > 0) this.emit("error", err);
  }
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0)
    throw new RangeError(`${name}: expected a positive number, got ${String(value)}`);
  return value;
}

function keyFields(ti: { dagId: string; runId: string; taskId: string; mapIndex: number }) {
  return { dagId: ti.dagId, runId: ti.runId, taskId: ti.taskId, mapIndex: ti.mapIndex };
}
