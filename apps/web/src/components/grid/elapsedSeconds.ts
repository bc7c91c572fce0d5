// How long something has run: from its start to its end, or to now while it goes on.
/** Seconds from `start` to `end` (to `now` while unfinished); null before it starts. */
export function elapsedSeconds(
  start: string | null,
  end: string | null,
  now: number = Date.now(),
): number | null {
  if (start === null) return null;
  const from = Date.parse(start);
  const to = end === null ? now : Date.parse(end);
  return Number.isNaN(from) || Number.isNaN(to) ? null : Math.max(0, (to - from) / 1000);
}
