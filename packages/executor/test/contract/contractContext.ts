// What the executor contract's tests share: the harness port, a scripted runner that records
// every invocation, and per-test setup (a fresh queue) and teardown (close everything).
import {
  type Executor,
  type JobFinishedEvent,
  type JobStartedEvent,
  type TaskJob,
  type TaskOutcome,
  type TaskRunner,
  type TaskWorker,
  taskJobId,
} from "../../src";
import { makeJob, uid } from "../support/jobs";
import { collectEvents, type Deferred, deferred, whenAborted } from "../support/waiting";

/** A producer and a not-yet-started worker that consumes what it enqueues. */
export interface ExecutorPair {
  readonly executor: Executor;
  readonly worker: TaskWorker;
}

/** How the contract obtains the adapter under test. */
export interface ExecutorHarness {
  /** Creates a pair whose worker runs at most `concurrency` jobs from `queues`. */
  create(options: { concurrency: number; queues: readonly string[] }): Promise<ExecutorPair>;
}

/** A `ran` outcome. */
export const ran = (state: "success" | "failed" = "success"): TaskOutcome => ({
  kind: "ran",
  state,
});

/** Records every invocation and lets a test script a runner per task id. */
export class Script {
  readonly started: string[] = [];
  readonly signals = new Map<string, AbortSignal>();
  inFlight = 0;
  maxInFlight = 0;
  readonly #behaviours = new Map<string, TaskRunner>();

  /** Runs `behaviour` for jobs of `taskId` instead of returning success at once. */
  on(taskId: string, behaviour: TaskRunner): void {
    this.#behaviours.set(taskId, behaviour);
  }

  /** Makes jobs of `taskId` wait for the returned gate (or their signal). */
  gate(taskId: string): Deferred<void> {
    const gate = deferred();
    this.on(taskId, async (_job, signal) => {
      await Promise.race([gate.promise, whenAborted(signal)]);
      return ran();
    });
    return gate;
  }

  readonly runner: TaskRunner = async (job, signal) => {
    this.started.push(job.taskId);
    this.signals.set(taskJobId(job), signal);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      const behaviour = this.#behaviours.get(job.taskId);
      return behaviour ? await behaviour(job, signal) : ran();
    } finally {
      this.inFlight -= 1;
    }
  };
}

/** Helpers a contract test uses; each test gets its own queue. */
export interface ContractContext {
  script(): Script;
  /** A pair not started yet, closed after the test. */
  createPair(concurrency: number): Promise<ExecutorPair>;
  /** A pair whose worker runs `script`, closed after the test. */
  startPair(concurrency: number, script: Script): Promise<ExecutorPair>;
  /** A job on this test's queue. */
  job(taskId: string, overrides?: Partial<TaskJob>): TaskJob;
  finished(
    pair: ExecutorPair,
    count: number,
    accept?: (e: JobFinishedEvent) => boolean,
  ): Promise<JobFinishedEvent[]>;
  startedTask(pair: ExecutorPair, taskId: string): Promise<JobStartedEvent[]>;
}

/** Registers the per-test hooks and returns the helpers. */
export function contractContext(harness: ExecutorHarness): ContractContext {
  const open: ExecutorPair[] = [];
  let queue = "";

  beforeEach(() => {
    queue = `q_${uid()}`;
  });

  afterEach(async () => {
    for (const pair of open.splice(0)) {
      await pair.worker.close({ graceMs: 0 });
      await pair.executor.close();
    }
  });

  const createPair = async (concurrency: number): Promise<ExecutorPair> => {
    const pair = await harness.create({ concurrency, queues: [queue] });
    open.push(pair);
    return pair;
  };

  return {
    script: () => new Script(),
    createPair,
    startPair: async (concurrency, script) => {
      const pair = await createPair(concurrency);
      await pair.worker.start(script.runner);
      return pair;
    },
    job: (taskId, overrides = {}) => makeJob({ taskId, queue, ...overrides }),
    finished: (pair, count, accept) =>
      collectEvents(pair.worker.events, "jobFinished", count, accept),
    startedTask: (pair, taskId) =>
      collectEvents(pair.worker.events, "jobStarted", 1, (e) => e.job.taskId === taskId),
  };
}
