// A binary heap of pending jobs for the LocalExecutor: highest priority weight first, then
// first in, first out (the order BullMQ gives within one priority).

interface Entry<T> {
  readonly value: T;
  readonly weight: number;
  readonly seq: number;
}

/** A max-heap on `weight`, FIFO among equal weights. */
export class PriorityHeap<T> {
  readonly #entries: Entry<T>[] = [];
  #seq = 0;

  /** Number of entries. */
  get size(): number {
    return this.#entries.length;
  }

  /** Adds `value` with `weight` (higher comes out first). */
  push(value: T, weight: number): void {
    this.#entries.push({ value, weight, seq: this.#seq++ });
    this.#up(this.#entries.length - 1);
  }

  /** Removes and returns the first entry, or undefined when empty. */
  pop(): T | undefined {
    const top = this.#entries[0];
    const last = this.#entries.pop();
    if (top === undefined || last === undefined) return undefined;
    if (this.#entries.length > 0) {
      this.#entries[0] = last;
      this.#down(0);
    }
    return top.value;
  }

  /** Removes every entry and returns them in priority order. */
  drain(): T[] {
    const values: T[] = [];
    for (let value = this.pop(); value !== undefined; value = this.pop()) values.push(value);
    return values;
  }

  #before(a: number, b: number): boolean {
    const x = this.#entries[a] as Entry<T>;
    const y = this.#entries[b] as Entry<T>;
    return x.weight !== y.weight ? x.weight > y.weight : x.seq < y.seq;
  }

  #swap(a: number, b: number): void {
    const entries = this.#entries;
    [entries[a], entries[b]] = [entries[b] as Entry<T>, entries[a] as Entry<T>];
  }

  #up(index: number): void {
    for (let i = index; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!this.#before(i, parent)) return;
      this.#swap(i, parent);
      i = parent;
    }
  }

  #down(index: number): void {
    const n = this.#entries.length;
    for (let i = index; ;) {
      let best = i;
      for (const child of [2 * i + 1, 2 * i + 2]) {
        if (child < n && this.#before(child, best)) best = child;
      }
      if (best === i) return;
      this.#swap(i, best);
      i = best;
    }
  }
}
