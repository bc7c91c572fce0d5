// Shared test helpers for timetables: literal UTC instants and restriction builders.
import type {
  DagRunInfo,
  DataInterval,
  NextDagRunInput,
  TimeRestriction,
} from "../../src/timetables/timetable";

/** A UTC instant from an ISO literal. */
export function at(iso: string): Date {
  return new Date(iso);
}

/** ISO string of a Date, or null. */
export function iso(date: Date | null | undefined): string | null {
  return date ? date.toISOString() : null;
}

/** A restriction with optional start/end dates given as ISO literals. */
export function restriction(
  catchup: boolean,
  earliest: string | null = null,
  latest: string | null = null,
): TimeRestriction {
  return {
    catchup,
    earliest: earliest ? at(earliest) : null,
    latest: latest ? at(latest) : null,
  };
}

/** A data interval from ISO literals. */
export function interval(start: string, end: string): DataInterval {
  return { start: at(start), end: at(end) };
}

/** NextDagRunInput from literals. */
export function input(
  now: string,
  r: TimeRestriction,
  last: DataInterval | null = null,
): NextDagRunInput {
  return { now: at(now), restriction: r, lastAutomatedDataInterval: last };
}

/** A DagRunInfo as plain ISO strings, for readable expectations. */
export interface InfoIso {
  runAfter: string;
  start: string | null;
  end: string | null;
  logicalDate: string | null;
}

/** Converts a DagRunInfo (or null) to ISO strings. */
export function infoIso(info: DagRunInfo | null): InfoIso | null {
  if (!info) return null;
  return {
    runAfter: info.runAfter.toISOString(),
    start: iso(info.dataInterval?.start),
    end: iso(info.dataInterval?.end),
    logicalDate: iso(info.logicalDate),
  };
}

/** Expected info: data interval [start, end], logical date = start, runAfter as given. */
export function expected(start: string, end: string, runAfter: string): InfoIso {
  return {
    runAfter: at(runAfter).toISOString(),
    start: at(start).toISOString(),
    end: at(end).toISOString(),
    logicalDate: at(start).toISOString(),
  };
}

/** Expected info of a trigger run at `tick` with a zero-length interval. */
export function tickAt(tick: string): InfoIso {
  return expected(tick, tick, tick);
}
