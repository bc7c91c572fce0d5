// The run_task catalog: what a valid job is, and error messages that name the bad path.
import { parseTaskJob, parseTaskJobs, type TaskJob } from "../src";
import { makeJob } from "./support/jobs";

describe("parseTaskJob", () => {
  test("returns a valid job unchanged, mapped index, weight and offset date included", () => {
    const job = makeJob({
      mapIndex: 3,
      tryNumber: 2,
      priorityWeight: -5,
      enqueuedAt: "2024-01-01T00:00:00.123+02:00",
    });
    expect(parseTaskJob(job)).toEqual(job);
  });

  test("drops unknown keys, so workers tolerate newer producers", () => {
    const job = makeJob();
    expect(parseTaskJob({ ...job, addedLater: true })).toEqual(job);
  });

  test.each<[string, Record<string, unknown>, string]>([
    [
      "mapIndex below -1",
      { mapIndex: -2 },
      "mapIndex: expected an integer >= -1 (-1 means not mapped), got -2",
    ],
    ["fractional mapIndex", { mapIndex: 1.5 }, "mapIndex: expected an integer >= -1, got 1.5"],
    ["tryNumber 0", { tryNumber: 0 }, "tryNumber: expected an integer >= 1, got 0"],
    ["tryNumber as text", { tryNumber: "1" }, 'tryNumber: expected an integer >= 1, got "1"'],
    ["missing dagId", { dagId: undefined }, "dagId: expected a dag_id string, got nothing"],
    ["empty taskId", { taskId: "" }, 'taskId: expected a non-empty task_id, got ""'],
    [
      "runId too long",
      { runId: "r".repeat(251) },
      "runId: expected a run_id of at most 250 characters",
    ],
    [
      "queue with ':'",
      { queue: "etl:eu" },
      "queue: expected a non-empty queue name without ':' or spaces",
    ],
    [
      "fractional weight",
      { priorityWeight: 1.5 },
      "priorityWeight: expected an integer priority weight, got 1.5",
    ],
    [
      "weight beyond int32",
      { priorityWeight: 2 ** 31 },
      "priorityWeight: expected a 32-bit integer priority weight",
    ],
    [
      "date not ISO",
      { enqueuedAt: "yesterday" },
      'enqueuedAt: expected an ISO 8601 date-time string, got "yesterday"',
    ],
  ])("rejects %s, naming the field", (_case, change, message) => {
    const payload = { ...makeJob(), ...change };
    expect(() => parseTaskJob(payload)).toThrow(message);
    try {
      parseTaskJob(payload);
    } catch (error) {
      expect(error).toMatchObject({ name: "ExecutorError", code: "INVALID_TASK_JOB" });
    }
  });

  test("rejects a payload that is not an object", () => {
    expect(() => parseTaskJob("run it")).toThrow(
      'run_task job: (root): Invalid input: expected object, received string, got "run it"',
    );
  });

  test("reports every problem of a batch under jobs[i]", () => {
    const bad: TaskJob = { ...makeJob(), tryNumber: 0 };
    expect(() => parseTaskJobs([makeJob(), bad])).toThrow("jobs[1].tryNumber: expected");
  });
});
