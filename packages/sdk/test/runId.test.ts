// Run ids: Airflow 3's `<run type>__<run_after isoformat>`, the random suffix of runs created
// without a logical date, and the run type read back from the prefix.
import { generateRunId, randomRunIdSuffix, runTypeFromRunId } from "../src/runId";
import type { DagRunType } from "../src/state";

describe("generateRunId uses run_after in Python isoformat", () => {
  test.each<[DagRunType, string, string]>([
    ["scheduled", "2026-01-01T00:00:00Z", "scheduled__2026-01-01T00:00:00+00:00"],
    ["scheduled", "2026-01-02T00:00:00Z", "scheduled__2026-01-02T00:00:00+00:00"],
    ["manual", "2025-01-13T04:33:58.387Z", "manual__2025-01-13T04:33:58.387000+00:00"],
    ["backfill", "2026-03-01T06:30:00Z", "backfill__2026-03-01T06:30:00+00:00"],
    ["manual", "2026-07-01T10:00:00+02:00", "manual__2026-07-01T08:00:00+00:00"],
  ])("%s at %s → %s", (runType, runAfter, runId) => {
    expect(generateRunId(runType, new Date(runAfter))).toBe(runId);
  });
});

describe("runs created without a logical date get `_` + 8 random characters", () => {
  test("asset-triggered runs get the suffix by default", () => {
    const runId = generateRunId("asset_triggered", new Date("2026-01-01T00:00:00Z"), {
      random: () => "Ab3dE9xZ",
    });
    expect(runId).toBe("asset_triggered__2026-01-01T00:00:00+00:00_Ab3dE9xZ");
  });

  test.each<[string, DagRunType, boolean | undefined, string]>([
    [
      "manual run without logical date (TriggerDagRunOperator)",
      "manual",
      true,
      "manual__2026-01-01T00:00:00+00:00_XyZ12345",
    ],
    [
      "asset-triggered run with the suffix turned off",
      "asset_triggered",
      false,
      "asset_triggered__2026-01-01T00:00:00+00:00",
    ],
    [
      "scheduled runs have no suffix by default",
      "scheduled",
      undefined,
      "scheduled__2026-01-01T00:00:00+00:00",
    ],
  ])("%s", (_case, runType, randomSuffix, runId) => {
    const options = {
      random: () => "XyZ12345",
      ...(randomSuffix === undefined ? {} : { randomSuffix }),
    };
    expect(generateRunId(runType, new Date("2026-01-01T00:00:00Z"), options)).toBe(runId);
  });

  test("the default suffix is 8 characters of [A-Za-z0-9]", () => {
    const runId = generateRunId("asset_triggered", new Date("2026-01-01T00:00:00Z"));
    expect(runId).toMatch(/^asset_triggered__2026-01-01T00:00:00\+00:00_[A-Za-z0-9]{8}$/);
  });

  test.each([
    [() => 0, "aaaaaaaa"],
    [() => 0.999999, "99999999"],
    [() => 26 / 62, "AAAAAAAA"],
  ])("randomRunIdSuffix maps the random source onto [A-Za-z0-9] (%#)", (random, suffix) => {
    expect(randomRunIdSuffix(random)).toBe(suffix);
  });
});

describe("runTypeFromRunId reads the prefix; anything else is manual", () => {
  test.each<[string, DagRunType]>([
    ["scheduled__2026-01-01T00:00:00+00:00", "scheduled"],
    ["manual__2025-01-13T04:33:58.387000+00:00", "manual"],
    ["backfill__2026-01-01T00:00:00+00:00", "backfill"],
    ["asset_triggered__2026-01-01T00:00:00+00:00_Ab3dE9xZ", "asset_triggered"],
    ["my_custom_run", "manual"],
    ["scheduled_2026-01-01", "manual"],
    ["dataset_triggered__2024-01-01T00:00:00+00:00", "manual"],
    ["", "manual"],
  ])("%j → %s", (runId, runType) => {
    expect(runTypeFromRunId(runId)).toBe(runType);
  });
});
