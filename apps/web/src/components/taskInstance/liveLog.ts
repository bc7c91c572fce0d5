// Joining the live stream's batches to the log read from the API, without duplicates. Both count
// lines from the try's first line, in the same order, so a line's position identifies it: the
// stream's lines beyond what the API returned are appended. A (re)connected stream starts again
// from the first line; a batch whose token goes back, or whose first line is the log's first
// line, is such a restart, and its lines take their positions from 0 again.
import type { LiveLogBatch } from "../../api/useLiveEvents";
import type { RawLogLine } from "./logLine";

export interface LiveLog {
  /** Lines the stream has sent since it (re)started: the position its next batch starts at. */
  readonly count: number;
  /** The last batch's continuation token (the id of its last line), null before any. */
  readonly lastToken: number | null;
  /** Every line the stream has sent, by position. */
  readonly lines: readonly RawLogLine[];
}

export const EMPTY_LIVE_LOG: LiveLog = { count: 0, lastToken: null, lines: [] };

function sameLine(a: RawLogLine | undefined, b: RawLogLine | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  if (typeof a === "string" || typeof b === "string") return a === b;
  return a.timestamp === b.timestamp && a.level === b.level && a.event === b.event;
}

function tokenOf(batch: LiveLogBatch): number | null {
  const token = Number(batch.continuation_token);
  return Number.isFinite(token) ? token : null;
}

/** `live` with `batch` placed at its positions. */
export function appendLiveBatch(live: LiveLog, batch: LiveLogBatch): LiveLog {
  const token = tokenOf(batch);
  const restarted =
    live.count > 0 &&
    ((token !== null && live.lastToken !== null && token <= live.lastToken) ||
      sameLine(batch.content[0], live.lines[0]));
  const start = restarted ? 0 : live.count;
  const lines = [...live.lines];
  batch.content.forEach((line, i) => {
    lines[start + i] = line;
  });
  return { count: start + batch.content.length, lastToken: token ?? live.lastToken, lines };
}

/** The API's lines, then the stream's lines past them. */
export function mergeLogLines(loaded: readonly RawLogLine[], live: LiveLog): readonly RawLogLine[] {
  return live.lines.length > loaded.length
    ? [...loaded, ...live.lines.slice(loaded.length)]
    : loaded;
}
