// Which states of a try mean it may still write log lines, so the viewer follows it live: the
// API's own (scheduled, queued, running, restarting, deferred, up for reschedule) and up for
// retry, whose next try the scheduler is about to start.
import type { TaskInstanceState } from "../../api/types";

const LIVE: ReadonlySet<TaskInstanceState> = new Set<TaskInstanceState>([
  "scheduled",
  "queued",
  "running",
  "restarting",
  "deferred",
  "up_for_reschedule",
  "up_for_retry",
]);

export const isLiveState = (state: TaskInstanceState | null): boolean =>
  state !== null && LIVE.has(state);
