// The four moves every periodic timetable is built from, shared by cron and fixed-delta schedules
// (Airflow's `_get_next`, `_get_prev`, `_align_to_next`, `_align_to_prev`).

/** A sequence of ticks in UTC; `next`/`prev` are strict, `align*` keep a tick as is. */
export interface TickSchedule {
  /** The first tick strictly after `t`. */
  next(t: Date): Date;
  /** The last tick strictly before `t`. */
  prev(t: Date): Date;
  /** `t` if it is a tick, else `next(t)`. */
  alignNext(t: Date): Date;
  /** `t` if it is a tick, else `prev(t)`. */
  alignPrev(t: Date): Date;
}
