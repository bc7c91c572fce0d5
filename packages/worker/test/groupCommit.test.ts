import { GroupCommit } from "../src/groupCommit";

/** A write that records its batches and answers each item with item * 10. */
function recorder(fail: (items: readonly number[]) => boolean = () => false) {
  const batches: number[][] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const write = async (items: readonly number[]) => {
    batches.push([...items]);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 5));
    inFlight -= 1;
    if (fail(items)) throw new Error(`bad batch ${items.join(",")}`);
    return items.map((i) => i * 10);
  };
  return { batches, write, maxInFlight: () => maxInFlight };
}

describe("GroupCommit", () => {
  test("items submitted together go in one batch, each caller gets its own result", async () => {
    const r = recorder();
    const group = new GroupCommit(r.write);
    expect(await Promise.all([1, 2, 3].map((i) => group.submit(i)))).toEqual([10, 20, 30]);
    expect(r.batches).toEqual([[1, 2, 3]]);
  });

  test("one batch in flight; items arriving meanwhile make the next batch", async () => {
    const r = recorder();
    const group = new GroupCommit(r.write);
    const first = group.submit(1);
    await new Promise((resolve) => setTimeout(resolve, 1));
    const later = [2, 3, 4].map((i) => group.submit(i));
    expect(await Promise.all([first, ...later])).toEqual([10, 20, 30, 40]);
    expect(r.batches).toEqual([[1], [2, 3, 4]]);
    expect(r.maxInFlight()).toBe(1);
  });

  test("maxBatch splits a burst", async () => {
    const r = recorder();
    const group = new GroupCommit(r.write, { maxBatch: 2 });
    await Promise.all([1, 2, 3, 4, 5].map((i) => group.submit(i)));
    expect(r.batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  test("a failed batch is retried item by item: only the bad item's caller gets the error", async () => {
    const r = recorder((items) => items.includes(2));
    const group = new GroupCommit(r.write);
    const results = await Promise.allSettled([1, 2, 3].map((i) => group.submit(i)));
    expect(results).toEqual([
      { status: "fulfilled", value: 10 },
      { status: "rejected", reason: new Error("bad batch 2") },
      { status: "fulfilled", value: 30 },
    ]);
    expect(r.batches).toEqual([[1, 2, 3], [1], [2], [3]]);
  });

  test("a write answering the wrong number of results rejects its batch without retrying", async () => {
    const batches: number[][] = [];
    const group = new GroupCommit(async (items: readonly number[]) => {
      batches.push([...items]);
      return [1];
    });
    const results = await Promise.allSettled([1, 2].map((i) => group.submit(i)));
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(batches).toEqual([[1, 2]]);
  });
});
