// Group commit: the writes of tries that start or end together go to the database as one
// statement (one round trip, one commit) instead of one each. A batch is sent as soon as the
// previous one is back, so an idle worker adds no delay and a busy one sends bigger batches.

/** Sends a batch; resolves with one result per item, in item order. */
export type BatchWrite<I, O> = (items: readonly I[]) => Promise<readonly O[]>;

interface Pending<I, O> {
  readonly item: I;
  readonly resolve: (result: O) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Collects items and writes them in batches, at most one batch in flight. A failed batch is
 * retried item by item, so one bad item fails only its own caller.
 */
export class GroupCommit<I, O> {
  readonly #write: BatchWrite<I, O>;
  readonly #maxBatch: number;
  #pending: Pending<I, O>[] = [];
  #inFlight = false;
  #scheduled = false;

  constructor(write: BatchWrite<I, O>, options: { readonly maxBatch?: number } = {}) {
    this.#write = write;
    this.#maxBatch = options.maxBatch ?? 256;
  }

  /** Resolves with the item's result once its batch is written. */
  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#pending.push({ item, resolve, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#inFlight || this.#scheduled) return;
    this.#scheduled = true;
    // One turn of the event loop lets the jobs delivered in the same read join the batch.
    setImmediate(() => {
      this.#scheduled = false;
      void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    if (this.#inFlight || this.#pending.length === 0) return;
    this.#inFlight = true;
    const batch = this.#pending.splice(0, this.#maxBatch);
    try {
      await this.#send(batch);
    } finally {
      this.#inFlight = false;
      if (this.#pending.length > 0) this.#schedule();
    }
  }

  async #send(batch: readonly Pending<I, O>[]): Promise<void> {
    let results: readonly O[];
    try {
      results = await this.#write(batch.map((p) => p.item));
    } catch (error) {
      if (batch.length === 1) return (batch[0] as Pending<I, O>).reject(error);
      // The statement rolled back. One item may have failed it (or a deadlock with another
      // worker): alone, each item gets its own result or its own error.
      for (const p of batch) await this.#send([p]);
      return;
    }
    if (results.length !== batch.length) {
      const error = new Error(
        `batch write returned ${results.length} results for ${batch.length} items`,
      );
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => p.resolve(results[i] as O));
  }
}
