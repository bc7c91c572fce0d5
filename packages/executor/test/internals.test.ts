// The in-memory building blocks: the LocalExecutor's priority heap and the worker's slot pool.
import { SlotPool } from "../src/bullmq/slotPool";
import { PriorityHeap } from "../src/local/priorityHeap";

describe("PriorityHeap", () => {
  test("pops the highest weight first, first in first out among equals", () => {
    const heap = new PriorityHeap<string>();
    const entries: [string, number][] = [
      ["a1", 1],
      ["b5", 5],
      ["c1", 1],
      ["d9", 9],
      ["e5", 5],
      ["f-3", -3],
      ["g1", 1],
    ];
    for (const [value, weight] of entries) heap.push(value, weight);
    expect(heap.size).toBe(7);
    expect(heap.drain()).toEqual(["d9", "b5", "e5", "a1", "c1", "g1", "f-3"]);
    expect(heap.pop()).toBeUndefined();
  });

  test("stays ordered through interleaved pushes and pops", () => {
    const heap = new PriorityHeap<number>();
    const popped: number[] = [];
    for (let i = 0; i < 200; i++) {
      heap.push(i, (i * 37) % 11);
      if (i % 3 === 0) popped.push(heap.pop() as number);
    }
    const rest = heap.drain();
    const weights = rest.map((i) => (i * 37) % 11);
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
    expect(popped.length + rest.length).toBe(200);
  });
});

describe("SlotPool", () => {
  test("hands slots out up to its size, then to waiters in order", async () => {
    const pool = new SlotPool(2);
    expect(await pool.acquire()).toBe(true);
    expect(pool.tryAcquire()).toBe(true);
    expect(pool.tryAcquire()).toBe(false);
    const order: string[] = [];
    const first = pool.acquire().then((ok) => order.push(`first ${ok}`));
    const second = pool.acquire().then((ok) => order.push(`second ${ok}`));
    expect(pool.hasWaiters()).toBe(true);
    pool.release();
    await first;
    expect(order).toEqual(["first true"]);
    expect(pool.inUse).toBe(2);
    pool.close();
    await second;
    expect(order).toEqual(["first true", "second false"]);
    expect(await pool.acquire()).toBe(false);
  });
});
