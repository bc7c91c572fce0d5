// Log lines as the viewer shows and downloads them, and the level filter.
import { LOG_LEVEL_FILTERS, levelRank, passesLevel } from "../src/components/taskInstance/logLevel";
import { logLineText, toLogLine } from "../src/components/taskInstance/logLine";
import { safeFileName } from "../src/components/taskInstance/downloadText";

test.each([
  [
    "a structured line",
    { timestamp: "2026-03-01T10:00:00.123000Z", level: "INFO", event: "Rows: 200" },
    { timestamp: "2026-03-01T10:00:00.123000Z", level: "info", event: "Rows: 200" },
  ],
  [
    "further fields as key=value",
    { event: "loaded", level: "warning", logger: "sync", rows: 3 },
    { timestamp: null, level: "warning", event: "loaded logger=sync rows=3" },
  ],
  ["a plain string", "just text", { timestamp: null, level: null, event: "just text" }],
  ["no event", { timestamp: null, level: "" }, { timestamp: null, level: null, event: "" }],
] as const)("%s", (_name, raw, expected) => {
  expect(toLogLine(raw as Parameters<typeof toLogLine>[0])).toEqual(expected);
});

test.each([
  [
    { timestamp: "2026-03-01T10:00:00Z", level: "error", event: "boom" },
    "[2026-03-01T10:00:00Z] ERROR - boom",
  ],
  [{ timestamp: null, level: null, event: "plain" }, "plain"],
] as const)("the download writes %j as %s", (line, text) => {
  expect(logLineText(line)).toBe(text);
});

test.each([
  ["debug", 10],
  ["info", 20],
  ["warning", 30],
  ["warn", 30],
  ["error", 40],
  ["critical", 50],
  [null, 20],
  ["verbose", 20],
] as const)("level %s ranks %d", (level, rank) => {
  expect(levelRank(level)).toBe(rank);
});

test("each filter keeps its level and the ones above", () => {
  const levels = ["debug", "info", "warning", "error", "critical", null] as const;
  const kept = Object.fromEntries(
    LOG_LEVEL_FILTERS.map((f) => [
      f.value,
      levels.filter((level) => passesLevel({ timestamp: null, level, event: "" }, f.value)),
    ]),
  );
  expect(kept).toEqual({
    all: ["debug", "info", "warning", "error", "critical", null],
    info: ["info", "warning", "error", "critical", null],
    warning: ["warning", "error", "critical"],
    error: ["error", "critical"],
  });
});

test("file names lose the characters file systems refuse", () => {
  expect(
    safeFileName(["dag_id=etl", "run_id=manual__2026-03-01T10:00:00+00:00", "attempt=2"], "log"),
  ).toBe("dag_id=etl__run_id=manual__2026-03-01T10_00_00+00_00__attempt=2.log");
});
