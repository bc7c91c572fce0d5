// A BullMQ Worker whose claims draw from a SlotPool shared with the worker's other queues, so
// one process never holds more than `concurrency` jobs over all its queues. BullMQ's own
// `concurrency` is per queue; this subclass takes a slot just before the atomic claim
// (`moveToActive`) and gives it back when the job is done, so no job is claimed to sit idle.
//
// Two rules keep BullMQ's fetch loop from waiting on itself. (1) BullMQ's loop awaits each fetch
// before it processes the jobs already fetched, so a fetch made while this worker still has a
// claimed, unprocessed job never waits for a slot: it claims nothing and lets the loop go on.
// (2) Completing a job never fetches the next one in the same round trip, since that job would
// need a slot handed over while the loop may be waiting for one.
//
// A worker of a single queue needs no gate (BullMQ's own concurrency is the process's bound):
// without a pool it claims as BullMQ does, and completing a job fetches the next one in the same
// round trip, one Redis call per job instead of two.
import { type Job, type Processor, type RedisClient, Worker, type WorkerOptions } from "bullmq";
import type { TaskOutcome } from "../executor";
import type { SlotPool } from "./slotPool";

/** The BullMQ job type of a `run_task` job (the payload is validated by the processor). */
export type TaskBullJob = Job<unknown, TaskOutcome>;

/** A BullMQ Worker gated by a shared SlotPool. It does not autorun: call `run()`. */
export class GatedWorker extends Worker<unknown, TaskOutcome> {
  readonly #slots: SlotPool | null;
  /** Jobs claimed by this worker that BullMQ's loop has not started processing yet. */
  #unprocessed = 0;

  /** Same arguments as BullMQ's Worker, plus the shared pool (null: the only queue, no gate). */
  constructor(
    name: string,
    processor: Processor<unknown, TaskOutcome>,
    options: WorkerOptions,
    slots: SlotPool | null,
  ) {
    super(name, processor, { ...options, autorun: false });
    this.#slots = slots;
    this.#disarmStalledTimerAfterClose();
  }

  /**
   * BullMQ 5.81's stalled checker arms its next timer without re-checking `closing` when close()
   * lands during a check (the race of BullMQ PR #1810), which keeps the process alive for up to
   * stalledInterval after close. Its stop function is stored in a private field: trap the
   * assignment and stop at once any timer armed once closing has begun.
   */
  #disarmStalledTimerAfterClose(): void {
    let stopper: (() => void) | undefined;
    Object.defineProperty(this, "stalledCheckStopper", {
      configurable: true,
      get: () => stopper,
      set: (next: (() => void) | undefined) => {
        stopper = next;
        if (this.closing && next) next();
      },
    });
  }

  /** Claims the next job only while holding a slot; a slot that claims nothing goes back. */
  protected override async moveToActive(
    client: RedisClient,
    token: string,
    name?: string,
  ): Promise<TaskBullJob> {
    if (this.#slots === null) return await super.moveToActive(client, token, name);
    const slot = this.#unprocessed > 0 ? this.#slots.tryAcquire() : await this.#slots.acquire();
    if (!slot) return undefined as unknown as TaskBullJob;
    let job: TaskBullJob | undefined;
    try {
      // Closing while waiting for the slot: claim nothing.
      if (!this.closing) job = await super.moveToActive(client, token, name);
    } finally {
      if (job === undefined) this.#slots.release();
      else this.#unprocessed += 1;
    }
    return job as TaskBullJob;
  }

  /** Processes a claimed job, then gives its slot back. */
  override async processJob(
    job: TaskBullJob,
    token: string,
    fetchNext?: () => boolean,
  ): Promise<void | TaskBullJob> {
    if (this.#slots === null) return await super.processJob(job, token, fetchNext);
    this.#unprocessed -= 1;
    try {
      return await super.processJob(job, token, () => false);
    } finally {
      this.#slots.release();
    }
  }
}
