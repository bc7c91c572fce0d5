import { formatDuration } from "../src/format/formatDuration";

describe("formatDuration", () => {
  test.each([
    [0, "0 s"],
    [-3, "0 s"],
    [Number.NaN, "0 s"],
    [0.04, "0 s"],
    [1.234, "1.2 s"],
    [2, "2 s"],
    [9.96, "10 s"],
    [45.4, "45 s"],
    [59.6, "1 min"],
    [60, "1 min"],
    [184, "3 min 4 s"],
    [3599.4, "59 min 59 s"],
    [3600, "1 h"],
    [7530, "2 h 5 min"],
    [90061, "25 h 1 min"],
  ])("%p seconds read %p", (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});
