// The BullMQ producer: one BullMQ queue per Airflow queue name, under a key prefix. The
// scheduler calls `enqueue` after marking tries `queued`; workers anywhere consume the queues.
import { type JobsOptions, Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { Executor } from "../executor";
import { ExecutorError } from "../executorError";
import { parseTaskJobs, TASK_JOB_NAME, type TaskJob } from "../jobCatalog";
import { taskJobId } from "../taskJobId";
import {
  type BullMqExecutorOptions,
  type CompiledBullMqExecutorOptions,
  compileBullMqExecutorOptions,
} from "./bullMqExecutorOptions";
import { bullMqPriority } from "./bullMqPriority";
import { createRedisConnection } from "./redisConnection";

/**
 * Per-job options. The id comes from the task instance key and try, so adding the same try while
 * its job exists is a no-op. Jobs are removed when they finish, so Redis does not grow and a try
 * that failed at the transport level can be re-enqueued under the same id (the database, not
 * Redis, keeps history). `attempts: 1`: BullMQ never retries; a retry is a new try.
 */
function jobOptions(job: TaskJob): JobsOptions {
  return {
    jobId: taskJobId(job),
    priority: bullMqPriority(job.priorityWeight),
    attempts: 1,
    removeOnComplete: true,
    removeOnFail: true,
  };
}

function groupByQueue(jobs: readonly TaskJob[]): Map<string, TaskJob[]> {
  const groups = new Map<string, TaskJob[]>();
  for (const job of jobs) {
    const group = groups.get(job.queue);
    if (group) group.push(job);
    else groups.set(job.queue, [job]);
  }
  return groups;
}

/** Enqueues tries on BullMQ queues named after their Airflow `queue`, one `addBulk` per queue. */
export class BullMqExecutor implements Executor {
  /** The compiled options. */
  readonly options: CompiledBullMqExecutorOptions;
  readonly #connection: Redis;
  readonly #queues = new Map<string, Queue>();
  #closing: Promise<void> | undefined;

  /** Opens one Redis connection, shared by every queue. */
  constructor(options: BullMqExecutorOptions = {}) {
    this.options = compileBullMqExecutorOptions(options);
    this.#connection = createRedisConnection(
      this.options.redisUrl,
      this.options.prefix,
      "executor",
    );
    // Transport errors surface as rejected enqueue calls; ioredis reconnects on its own.
    this.#connection.on("error", () => undefined);
  }

  /**
   * Validates the whole batch (a malformed job rejects it with `INVALID_TASK_JOB` before anything
   * is sent), then adds each queue's jobs in one `addBulk`. Workers take a queue's jobs highest
   * priority weight first (see `bullMqPriority`), FIFO among equal weights. A job whose id is
   * still in Redis (waiting or active) is not added again.
   */
  async enqueue(jobs: readonly TaskJob[]): Promise<void> {
    if (this.#closing) {
      throw new ExecutorError("EXECUTOR_CLOSED", "BullMqExecutor: enqueue after close");
    }
    const groups = groupByQueue(parseTaskJobs(jobs));
    await Promise.all(
      [...groups].map(([queue, group]) => {
        // One job (a chain's next task) goes as one script call; addBulk wraps even one job in
        // a MULTI, which cost a chain edge about a millisecond more.
        const [only] = group;
        if (group.length === 1 && only !== undefined)
          return this.#queue(queue).add(TASK_JOB_NAME, only, jobOptions(only));
        return this.#queue(queue).addBulk(
          group.map((job) => ({ name: TASK_JOB_NAME, data: job, opts: jobOptions(job) })),
        );
      }),
    );
  }

  /**
   * Jobs waiting for a worker (BullMQ's `waiting` + `prioritized`), per queue: every queue this
   * executor has enqueued on, plus `queues`. For metrics; one round trip per queue.
   */
  async waitingCounts(queues: readonly string[] = []): Promise<ReadonlyMap<string, number>> {
    if (this.#closing) {
      throw new ExecutorError("EXECUTOR_CLOSED", "BullMqExecutor: waitingCounts after close");
    }
    const names = [...new Set([...this.#queues.keys(), ...queues])].sort();
    const counts = await Promise.all(
      names.map((name) => this.#queue(name).getJobCountByTypes("waiting", "prioritized")),
    );
    return new Map(names.map((name, i) => [name, counts[i] ?? 0]));
  }

  /** Closes the queues and the connection; idempotent. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      await Promise.all([...this.#queues.values()].map((queue) => queue.close()));
      await this.#connection.quit();
    })();
    return this.#closing;
  }

  #queue(name: string): Queue {
    let queue = this.#queues.get(name);
    if (queue === undefined) {
      queue = new Queue(name, { connection: this.#connection, prefix: this.options.prefix });
      queue.on("error", () => undefined); // reported through the rejected addBulk instead
      this.#queues.set(name, queue);
    }
    return queue;
  }
}
