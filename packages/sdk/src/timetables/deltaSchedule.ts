// A fixed-length schedule (Airflow's DeltaMixin): ticks are any instant, next/prev step by the
// delta in absolute time, and alignment is the identity.
import { DagDefinitionError } from "../errors";
import type { TickSchedule } from "./tickSchedule";
import { timedeltaString } from "./timedeltaString";

/** Returns `ms` if it is a positive (or, with `allowZero`, non-negative) finite number; else throws INVALID_SCHEDULE. */
export function checkMilliseconds(ms: unknown, field: string, allowZero: boolean): number {
  if (typeof ms === "number" && Number.isFinite(ms) && (allowZero ? ms >= 0 : ms > 0)) return ms;
  throw new DagDefinitionError(
    "INVALID_SCHEDULE",
    `${field}: expected a ${allowZero ? "non-negative" : "positive"} duration in milliseconds, ` +
      `got ${JSON.stringify(ms)}`,
    { details: { field, value: ms } },
  );
}

/** Steps of `deltaMs` milliseconds; every instant counts as aligned. */
export class DeltaSchedule implements TickSchedule {
  /** The step, in milliseconds. */
  readonly deltaMs: number;
  /** Python's `str(timedelta)` of the step, Airflow's summary, e.g. "1:00:00". */
  readonly summary: string;

  /** Throws INVALID_SCHEDULE unless `deltaMs` is positive. */
  constructor(deltaMs: number, field = "schedule") {
    this.deltaMs = checkMilliseconds(deltaMs, field, false);
    this.summary = timedeltaString(this.deltaMs);
  }

  /** `t + delta`. */
  next(t: Date): Date {
    return new Date(t.getTime() + this.deltaMs);
  }

  /** `t - delta`. */
  prev(t: Date): Date {
    return new Date(t.getTime() - this.deltaMs);
  }

  /** `t` itself: a delta schedule has no fixed grid. */
  alignNext(t: Date): Date {
    return t;
  }

  /** `t` itself: a delta schedule has no fixed grid. */
  alignPrev(t: Date): Date {
    return t;
  }
}
