// Which scheduled runs a DAG gets now (Airflow's _create_dag_runs + calculate_dagrun_date_fields),
// with real timetables from the SDK, and when a running run has exceeded dagrun_timeout.
import { Asset, CronTriggerTimetable, createTimetable } from "@updraft/sdk";
import type { DataInterval, TimeRestriction, Timetable } from "@updraft/sdk";
import { isDagRunTimedOut, planRunCreation } from "../../src/plan/runCreation";
import type { RunCreationInput, RunCreationPlan } from "../../src/plan/runCreation";

const d = (iso: string): Date => new Date(iso);
const day = (n: number): string => `2026-01-${String(n).padStart(2, "0")}T00:00:00+00:00`;
const daily = (): Timetable => createTimetable("@daily", { timezone: "UTC" });

function restriction(overrides: Partial<TimeRestriction> = {}): TimeRestriction {
  return { earliest: d("2026-01-01T00:00:00Z"), latest: null, catchup: true, ...overrides };
}

function planOf(overrides: Partial<RunCreationInput> = {}): RunCreationPlan {
  return planRunCreation({
    timetable: daily(),
    restriction: restriction(),
    lastAutomatedDataInterval: null,
    activeRuns: 0,
    maxActiveRuns: 16,
    now: d("2026-01-05T12:00:00Z"),
    ...overrides,
  });
}

const runIds = (p: RunCreationPlan): string[] => p.create.map((r) => r.runId);

describe("planRunCreation: catchup", () => {
  test("catchup creates every missed daily run since the start date, oldest first", () => {
    const p = planOf();
    expect(runIds(p)).toEqual([1, 2, 3, 4, 5].map((n) => `scheduled__${day(n)}`));
    expect(p.next?.runAfter).toEqual(d("2026-01-06T00:00:00Z"));
  });

  test("a CronTrigger run covers a zero-length interval at its tick, which is its logical date", () => {
    const [first] = planOf().create;
    expect(first!.info).toEqual({
      runAfter: d("2026-01-01T00:00:00Z"),
      dataInterval: { start: d("2026-01-01T00:00:00Z"), end: d("2026-01-01T00:00:00Z") },
      logicalDate: d("2026-01-01T00:00:00Z"),
    });
  });

  test("catchup creates no more runs than the free max_active_runs slots", () => {
    const p = planOf({ activeRuns: 1, maxActiveRuns: 3 });
    expect(runIds(p)).toEqual([`scheduled__${day(1)}`, `scheduled__${day(2)}`]);
    // The next run is the first one not created, though it is already due.
    expect(p.next?.runAfter).toEqual(d("2026-01-03T00:00:00Z"));
  });

  test("catchup continues after the last automated run", () => {
    const last: DataInterval = { start: d("2026-01-03T00:00:00Z"), end: d("2026-01-03T00:00:00Z") };
    const p = planOf({ lastAutomatedDataInterval: last });
    expect(runIds(p)).toEqual([`scheduled__${day(4)}`, `scheduled__${day(5)}`]);
  });

  test("new CronTriggerTimetable(...) behaves as createTimetable with a cron string", () => {
    const p = planOf({ timetable: new CronTriggerTimetable("0 0 * * *", { timezone: "UTC" }) });
    expect(runIds(p)).toEqual(runIds(planOf()));
  });
});

describe("planRunCreation: without catchup", () => {
  test("only the latest due run is created", () => {
    const p = planOf({ restriction: restriction({ catchup: false }) });
    expect(runIds(p)).toEqual([`scheduled__${day(5)}`]);
    expect(p.next?.runAfter).toEqual(d("2026-01-06T00:00:00Z"));
  });

  test("after a long pause the missed runs are skipped, not created", () => {
    const last: DataInterval = { start: d("2026-01-01T00:00:00Z"), end: d("2026-01-01T00:00:00Z") };
    const p = planOf({
      restriction: restriction({ catchup: false }),
      lastAutomatedDataInterval: last,
    });
    expect(runIds(p)).toEqual([`scheduled__${day(5)}`]);
  });

  test("nothing is created when the latest tick already has its run", () => {
    const last: DataInterval = { start: d("2026-01-05T00:00:00Z"), end: d("2026-01-05T00:00:00Z") };
    const p = planOf({
      restriction: restriction({ catchup: false }),
      lastAutomatedDataInterval: last,
    });
    expect(p.create).toEqual([]);
    expect(p.next?.runAfter).toEqual(d("2026-01-06T00:00:00Z"));
  });
});

describe("planRunCreation: limits", () => {
  test("with activeRuns == maxActiveRuns nothing is created but next is still returned", () => {
    const p = planOf({ activeRuns: 2, maxActiveRuns: 2 });
    expect(p.create).toEqual([]);
    expect(p.next?.runAfter).toEqual(d("2026-01-01T00:00:00Z"));
  });

  test("more active runs than allowed (max lowered) creates nothing and does not throw", () => {
    const p = planOf({ activeRuns: 5, maxActiveRuns: 2 });
    expect(p.create).toEqual([]);
    expect(p.next).not.toBeNull();
  });

  test("the end date stops creation, inclusive, and leaves no next run", () => {
    const p = planOf({ restriction: restriction({ latest: d("2026-01-03T00:00:00Z") }) });
    expect(runIds(p)).toEqual([1, 2, 3].map((n) => `scheduled__${day(n)}`));
    expect(p.next).toBeNull();
  });

  test("an end date in the past of the last run creates nothing and has no next", () => {
    const last: DataInterval = { start: d("2026-01-03T00:00:00Z"), end: d("2026-01-03T00:00:00Z") };
    const p = planOf({
      restriction: restriction({ latest: d("2026-01-03T00:00:00Z") }),
      lastAutomatedDataInterval: last,
    });
    expect(p).toEqual({ create: [], next: null });
  });

  test("a start date in the future creates nothing; next is the first tick at the start date", () => {
    const p = planOf({ restriction: restriction({ earliest: d("2026-02-01T00:00:00Z") }) });
    expect(p.create).toEqual([]);
    expect(p.next?.runAfter).toEqual(d("2026-02-01T00:00:00Z"));
  });

  test("a run is due exactly at its tick", () => {
    const p = planOf({ now: d("2026-01-02T00:00:00Z") });
    expect(runIds(p)).toEqual([`scheduled__${day(1)}`, `scheduled__${day(2)}`]);
  });
});

describe("planRunCreation: other timetables", () => {
  test.each<[string, Timetable]>([
    ["schedule null (NullTimetable)", createTimetable(null)],
    ["an asset schedule (AssetTriggeredTimetable)", createTimetable(new Asset("s3://bucket/key"))],
  ])("%s creates nothing and has no next", (_name, timetable) => {
    expect(planOf({ timetable })).toEqual({ create: [], next: null });
  });

  test("a CronDataInterval run is named after its run_after (the interval end), as in Airflow 3", () => {
    const p = planOf({ timetable: createTimetable("@daily", { createCronDataIntervals: true }) });
    expect(p.create[0]!.runId).toBe(`scheduled__${day(2)}`);
    expect(p.create[0]!.info.logicalDate).toEqual(d("2026-01-01T00:00:00Z"));
    expect(p.create.at(-1)!.runId).toBe(`scheduled__${day(5)}`);
  });

  test("@once creates one run at the start date and nothing after it", () => {
    const first = planOf({ timetable: createTimetable("@once") });
    expect(runIds(first)).toEqual([`scheduled__${day(1)}`]);
    expect(first.next).toBeNull();
  });
});

describe("isDagRunTimedOut", () => {
  const start = d("2026-01-01T00:00:00Z");
  const hour = 3_600_000;

  test("a run longer than dagrun_timeout has timed out", () => {
    expect(isDagRunTimedOut(start, hour, d("2026-01-01T01:00:00.001Z"))).toBe(true);
  });

  test("a run exactly at dagrun_timeout has not (strictly longer is required)", () => {
    expect(isDagRunTimedOut(start, hour, d("2026-01-01T01:00:00Z"))).toBe(false);
  });

  test("a run shorter than dagrun_timeout has not", () => {
    expect(isDagRunTimedOut(start, hour, d("2026-01-01T00:30:00Z"))).toBe(false);
  });

  test("no dagrun_timeout never times out", () => {
    expect(isDagRunTimedOut(start, null, d("2030-01-01T00:00:00Z"))).toBe(false);
  });

  test("a zero or negative timeout means none (a zero timedelta is falsy in Airflow)", () => {
    expect(isDagRunTimedOut(start, 0, d("2030-01-01T00:00:00Z"))).toBe(false);
    expect(isDagRunTimedOut(start, -1, d("2030-01-01T00:00:00Z"))).toBe(false);
  });

  test("a run that has not started cannot time out", () => {
    expect(isDagRunTimedOut(null, hour, d("2030-01-01T00:00:00Z"))).toBe(false);
  });
});
