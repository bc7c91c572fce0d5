// The run slots of one BullMQ worker process, shared by its per-queue BullMQ workers so that
// `concurrency` bounds the whole process, not each queue. Waiters are served first come, first
// served, and a released slot goes straight to the next waiter.

/** A counting semaphore that can be closed (pending and later acquires then get `false`). */
export class SlotPool {
  readonly #waiters: ((acquired: boolean) => void)[] = [];
  #free: number;
  #closed = false;

  /** A pool of `size` slots. */
  constructor(readonly size: number) {
    this.#free = size;
  }

  /** Slots currently held. */
  get inUse(): number {
    return this.size - this.#free;
  }

  /** True when someone is waiting for a slot. */
  hasWaiters(): boolean {
    return this.#waiters.length > 0;
  }

  /** Takes a free slot if there is one, without waiting. */
  tryAcquire(): boolean {
    if (this.#closed || this.#free === 0) return false;
    this.#free -= 1;
    return true;
  }

  /** Resolves `true` once a slot is held, or `false` if the pool is (or gets) closed. */
  acquire(): Promise<boolean> {
    if (this.#closed) return Promise.resolve(false);
    if (this.#free > 0) {
      this.#free -= 1;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Gives a slot back, handing it to the first waiter if there is one. */
  release(): void {
    const next = this.#closed ? undefined : this.#waiters.shift();
    if (next) next(true);
    else this.#free += 1;
  }

  /** Refuses further acquires and wakes every waiter with `false`. */
  close(): void {
    this.#closed = true;
    for (const waiter of this.#waiters.splice(0)) waiter(false);
  }
}
