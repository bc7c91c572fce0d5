// Job ids: stable, readable, valid for BullMQ (no ':'), and different for different tries.
import { taskJobId } from "../src";
import { makeJob } from "./support/jobs";

describe("taskJobId", () => {
  test("joins the encoded key and the try, readable and without ':'", () => {
    expect(taskJobId(makeJob({ mapIndex: -1, tryNumber: 2 }))).toBe(
      "example_dag/manual__2024-01-01T00%3A00%3A00%2B00%3A00/extract/-1/2",
    );
  });

  test("ignores fields outside the task instance key and try", () => {
    const a = makeJob({ queue: "a", priorityWeight: 1, enqueuedAt: "2024-01-01T00:00:00Z" });
    const b = makeJob({ queue: "b", priorityWeight: 9, enqueuedAt: "2025-01-01T00:00:00Z" });
    expect(taskJobId(a)).toBe(taskJobId(b));
  });

  test.each([
    ["dagId", { dagId: "other_dag" }],
    ["runId", { runId: "scheduled__2024-01-01T00:00:00+00:00" }],
    ["taskId", { taskId: "group.load" }],
    ["mapIndex", { mapIndex: 0 }],
    ["tryNumber", { tryNumber: 2 }],
  ])("changes when %s changes", (_field, change) => {
    expect(taskJobId(makeJob(change))).not.toBe(taskJobId(makeJob()));
  });

  test("keeps parts apart even when they contain the separator", () => {
    const a = taskJobId(makeJob({ dagId: "a/b", runId: "c" }));
    const b = taskJobId(makeJob({ dagId: "a", runId: "b/c" }));
    expect(a).not.toBe(b);
  });

  test("shortens long parts with a hash, keeping them distinct", () => {
    const long = "x".repeat(200);
    const a = taskJobId(makeJob({ runId: `${long}a` }));
    const b = taskJobId(makeJob({ runId: `${long}b` }));
    expect(a).not.toBe(b);
    expect(a.length).toBeLessThan(120);
    expect(a).toMatch(/^example_dag\/x{40}#[0-9a-f]{16}\/extract\/-1\/1$/);
  });

  test("never contains ':' and is never an integer, as BullMQ requires", () => {
    for (const runId of ["1", "a:b:c", "\ud800", "::"]) {
      const id = taskJobId(makeJob({ runId }));
      expect(id).not.toContain(":");
      expect(String(parseInt(id, 10))).not.toBe(id);
    }
  });
});
