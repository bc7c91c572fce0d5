// The non-cron timetables: null (manual only), "@once", "@continuous" and asset-triggered.
import { Asset, allOf, serializeAssetCondition } from "../../src/assets";
import { AssetTriggeredTimetable } from "../../src/timetables/assetTriggeredTimetable";
import { ContinuousTimetable } from "../../src/timetables/continuousTimetable";
import { NullTimetable } from "../../src/timetables/nullTimetable";
import { OnceTimetable } from "../../src/timetables/onceTimetable";
import { at, expected, infoIso, input, interval, restriction, tickAt } from "./helpers";

describe("NullTimetable never schedules", () => {
  const timetable = new NullTimetable();
  test.each([
    ["catchup with a start date", restriction(true, "2026-01-01T00:00:00Z"), null],
    ["no catchup, no dates", restriction(false), null],
    [
      "after a run",
      restriction(true, "2026-01-01T00:00:00Z"),
      interval("2026-01-02T00:00:00Z", "2026-01-02T00:00:00Z"),
    ],
  ])("%s → null", (_case, r, last) => {
    expect(timetable.nextDagRunInfo()).toBeNull();
    expect(timetable.nextDagRunInfo(input("2026-01-05T00:00:00Z", r, last))).toBeNull();
  });

  test("identity: summary None, Airflow's description, not periodic, exact manual interval", () => {
    expect(timetable.summary).toBe("None");
    expect(timetable.description).toBe("Never, external triggers only");
    expect(timetable.periodic).toBe(false);
    expect(timetable.serialize()).toEqual({ type: "null" });
    expect(timetable.inferManualDataInterval(at("2026-01-05T10:00:00Z"))).toEqual(
      interval("2026-01-05T10:00:00Z", "2026-01-05T10:00:00Z"),
    );
  });
});

describe("OnceTimetable runs once at the start date", () => {
  const timetable = new OnceTimetable();
  test.each([
    [
      "at the start date, whatever catchup says (catchup)",
      restriction(true, "2026-01-01T06:00:00Z"),
      null,
      tickAt("2026-01-01T06:00:00Z"),
    ],
    [
      "at the start date, whatever catchup says (no catchup)",
      restriction(false, "2026-01-01T06:00:00Z"),
      null,
      tickAt("2026-01-01T06:00:00Z"),
    ],
    [
      "a future start date: the run waits for it",
      restriction(false, "2026-02-01T00:00:00Z"),
      null,
      tickAt("2026-02-01T00:00:00Z"),
    ],
    ["without a start date: now", restriction(false), null, tickAt("2026-01-05T12:00:00Z")],
    [
      "never again after an automated run",
      restriction(true, "2026-01-01T06:00:00Z"),
      interval("2026-01-01T06:00:00Z", "2026-01-01T06:00:00Z"),
      null,
    ],
    [
      "the end date is inclusive",
      restriction(true, "2026-01-01T06:00:00Z", "2026-01-01T06:00:00Z"),
      null,
      tickAt("2026-01-01T06:00:00Z"),
    ],
    [
      "a start date after the end date: no run",
      restriction(true, "2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z"),
      null,
      null,
    ],
  ])("%s", (_case, r, last, want) => {
    expect(infoIso(timetable.nextDagRunInfo(input("2026-01-05T12:00:00Z", r, last)))).toEqual(want);
  });

  test("identity", () => {
    expect(timetable.summary).toBe("@once");
    expect(timetable.description).toBe("Once, as soon as possible");
    expect(timetable.serialize()).toEqual({ type: "once" });
    expect(timetable.inferManualDataInterval(at("2026-01-05T10:00:00Z"))).toEqual(
      interval("2026-01-05T10:00:00Z", "2026-01-05T10:00:00Z"),
    );
  });
});

describe("ContinuousTimetable starts a run as soon as the previous one ends", () => {
  const timetable = new ContinuousTimetable();
  const now = "2026-01-05T12:00:00Z";
  test.each([
    [
      "first run covers start date..now",
      restriction(false, "2026-01-01T00:00:00Z"),
      null,
      expected("2026-01-01T00:00:00Z", now, now),
    ],
    [
      "first run without a start date is the instant now",
      restriction(false),
      null,
      expected(now, now, now),
    ],
    [
      "a future start date: the first run waits for it",
      restriction(false, "2026-01-10T00:00:00Z"),
      null,
      expected("2026-01-10T00:00:00Z", "2026-01-10T00:00:00Z", "2026-01-10T00:00:00Z"),
    ],
    [
      "a later run covers the last run's end..now",
      restriction(false, "2026-01-01T00:00:00Z"),
      interval("2026-01-01T00:00:00Z", "2026-01-05T11:00:00Z"),
      expected("2026-01-05T11:00:00Z", now, now),
    ],
    [
      "a last run ending in the future restarts at the start date with its length",
      restriction(false, "2026-01-10T00:00:00Z"),
      interval("2026-01-10T00:00:00Z", "2026-01-10T01:00:00Z"),
      expected("2026-01-10T00:00:00Z", "2026-01-10T01:00:00Z", "2026-01-10T01:00:00Z"),
    ],
    [
      "an end date before now stops it",
      restriction(false, "2026-01-01T00:00:00Z", "2026-01-05T00:00:00Z"),
      null,
      null,
    ],
    [
      "an end date equal to now still runs",
      restriction(false, "2026-01-01T00:00:00Z", now),
      null,
      expected("2026-01-01T00:00:00Z", now, now),
    ],
  ])("%s", (_case, r, last, want) => {
    expect(infoIso(timetable.nextDagRunInfo(input(now, r, last)))).toEqual(want);
  });

  test("identity: one active run at a time", () => {
    expect(timetable.summary).toBe("@continuous");
    expect(timetable.description).toBe("As frequently as possible, but only one run at a time.");
    expect(timetable.activeRunsLimit).toBe(1);
    expect(timetable.serialize()).toEqual({ type: "continuous" });
    expect(timetable.inferManualDataInterval(at(now))).toEqual(interval(now, now));
  });
});

describe("AssetTriggeredTimetable leaves runs to the scheduler", () => {
  const condition = serializeAssetCondition(
    allOf(new Asset("s3://bucket/orders"), new Asset("s3://bucket/customers")),
  );
  const timetable = new AssetTriggeredTimetable(condition);

  test.each([
    ["catchup with start date", restriction(true, "2026-01-01T00:00:00Z")],
    ["no catchup", restriction(false)],
  ])("nextDagRunInfo is always null (%s)", (_case, r) => {
    expect(timetable.nextDagRunInfo()).toBeNull();
    expect(timetable.nextDagRunInfo(input("2026-01-05T00:00:00Z", r))).toBeNull();
  });

  test("keeps the condition, has no manual data interval, summary Asset", () => {
    expect(timetable.condition).toEqual({
      type: "all",
      of: [
        { type: "asset", uri: "s3://bucket/orders", name: "s3://bucket/orders", group: "asset" },
        {
          type: "asset",
          uri: "s3://bucket/customers",
          name: "s3://bucket/customers",
          group: "asset",
        },
      ],
    });
    expect(timetable.inferManualDataInterval()).toBeNull();
    expect(timetable.summary).toBe("Asset");
    expect(timetable.description).toBe("Triggered by assets");
    expect(timetable.periodic).toBe(false);
    expect(timetable.serialize()).toEqual({ type: "asset_triggered", asset_condition: condition });
  });
});
