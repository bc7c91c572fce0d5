// Joining the live stream's batches to the log read from the API: a line's position in the try's
// log identifies it, so nothing shows twice — not when the stream repeats what the API returned,
// and not when a reconnected stream starts again from the first line.
import type { StructuredLogLine } from "../src/api/types";
import {
  appendLiveBatch,
  EMPTY_LIVE_LOG,
  type LiveLog,
  mergeLogLines,
} from "../src/components/taskInstance/liveLog";

const line = (n: number): StructuredLogLine => ({
  timestamp: `2026-03-01T10:00:0${n}.000000Z`,
  level: "info",
  event: `line ${n}`,
});
const lines = (...ns: number[]) => ns.map(line);
const batch = (token: number, ...ns: number[]) => ({
  content: lines(...ns),
  continuation_token: String(token),
});
const events = (all: readonly (StructuredLogLine | string)[]) =>
  all.map((l) => (typeof l === "string" ? l : l.event));

function received(...batches: ReturnType<typeof batch>[]): LiveLog {
  return batches.reduce(appendLiveBatch, EMPTY_LIVE_LOG);
}

test.each([
  ["nothing live: the API's lines", [1, 2], [], ["line 1", "line 2"]],
  [
    "the stream repeats the API's lines and adds one",
    [1, 2],
    [batch(13, 1, 2, 3)],
    ["line 1", "line 2", "line 3"],
  ],
  ["the stream is behind the API", [1, 2, 3], [batch(11, 1)], ["line 1", "line 2", "line 3"]],
  ["the API has not answered yet", [], [batch(12, 1, 2)], ["line 1", "line 2"]],
  [
    "batches in a row",
    [1],
    [batch(12, 1, 2), batch(14, 3, 4)],
    ["line 1", "line 2", "line 3", "line 4"],
  ],
  [
    "a reconnect replays from the first line (token goes back)",
    [1],
    [batch(12, 1, 2), batch(13, 3), batch(12, 1, 2), batch(14, 3, 4)],
    ["line 1", "line 2", "line 3", "line 4"],
  ],
  [
    "a reconnect replays from the first line with new lines (same first line)",
    [],
    [batch(12, 1, 2), batch(14, 1, 2, 3, 4)],
    ["line 1", "line 2", "line 3", "line 4"],
  ],
] as const)("%s", (_name, loaded, batches, expected) => {
  const live = received(...batches);
  expect(events(mergeLogLines(lines(...loaded), live))).toEqual(expected);
});

test("the stream's position counts from its (re)start", () => {
  const live = received(batch(12, 1, 2), batch(13, 3));
  expect(live).toMatchObject({ count: 3, lastToken: 13 });
  const replayed = appendLiveBatch(live, batch(12, 1, 2));
  expect(replayed).toMatchObject({ count: 2, lastToken: 12 });
  expect(events(replayed.lines)).toEqual(["line 1", "line 2", "line 3"]);
});

test("plain-text lines take part like structured ones", () => {
  const live = appendLiveBatch(
    appendLiveBatch(EMPTY_LIVE_LOG, {
      content: ["a"] as unknown as StructuredLogLine[],
      continuation_token: "1",
    }),
    { content: ["a", "b"] as unknown as StructuredLogLine[], continuation_token: "2" },
  );
  expect(mergeLogLines(["a"], live)).toEqual(["a", "b"]);
});
