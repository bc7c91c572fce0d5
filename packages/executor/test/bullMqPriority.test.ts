// Airflow weight (higher first) to BullMQ priority (lower first).
import { BULLMQ_PRIORITY_LIMIT, bullMqPriority } from "../src";

describe("bullMqPriority", () => {
  test.each([
    [undefined, 2 ** 20 - 1],
    [1, 2 ** 20 - 1],
    [0, 2 ** 20],
    [10, 2 ** 20 - 10],
    [-10, 2 ** 20 + 10],
    [2 ** 20 - 1, 1],
    [2 ** 31 - 1, 1],
    [-(2 ** 20 - 1), BULLMQ_PRIORITY_LIMIT],
    [-(2 ** 31), BULLMQ_PRIORITY_LIMIT],
  ])("weight %p -> priority %p", (weight, priority) => {
    expect(bullMqPriority(weight)).toBe(priority);
  });

  test("reverses the order of weights and stays within BullMQ's range", () => {
    const weights = [-1000, -1, 0, 1, 2, 50, 10_000];
    const priorities = weights.map(bullMqPriority);
    expect([...priorities].sort((a, b) => b - a)).toEqual(priorities);
    expect(new Set(priorities).size).toBe(weights.length);
    for (const p of priorities) expect(p >= 1 && p <= BULLMQ_PRIORITY_LIMIT).toBe(true);
  });
});
