// Durations as Airflow's API writes Python timedeltas: TimeDelta objects (task responses) and
// ISO 8601 text (DAG details), from float seconds.
import { isoDuration, timeDelta } from "../src/dags/timeDelta";

describe("timeDelta", () => {
  test.each([
    [0, 0, 0, 0],
    [300, 0, 300, 0],
    [90_061.5, 1, 3661, 500_000],
    [0.000001, 0, 0, 1],
    [-1, -1, 86_399, 0],
  ])("%p s → days %p, seconds %p, microseconds %p", (total, days, seconds, microseconds) => {
    expect(timeDelta(total)).toEqual({ __type: "TimeDelta", days, seconds, microseconds });
  });

  test("null stays null", () => expect(timeDelta(null)).toBeNull());
});

describe("isoDuration", () => {
  test.each([
    [0, "PT0S"],
    [3600, "PT1H"],
    [3661, "PT1H1M1S"],
    [86_430, "P1DT30S"],
    [172_800, "P2D"],
    [1.5, "PT1.5S"],
    [null, null],
  ])("%p → %p", (total, text) => {
    expect(isoDuration(total)).toBe(text);
  });
});
