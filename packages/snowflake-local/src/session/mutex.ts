// Runs async work one piece at a time. A DuckDB connection runs one statement at a time, and the
// driver may fire several executes on one connection at once.

/** A FIFO lock for async functions. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `work` after everything queued before it has settled. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
