// Airflow's state colours (airflow.settings.STATE_COLORS), so a cell reads the same as in Airflow.
import type { DagRunState, TaskInstanceState } from "../api/types";

export const STATE_COLORS: Readonly<Record<TaskInstanceState | DagRunState | "none", string>> = {
  queued: "gray",
  running: "lime",
  success: "green",
  failed: "red",
  restarting: "violet",
  up_for_retry: "gold",
  up_for_reschedule: "turquoise",
  upstream_failed: "orange",
  skipped: "hotpink",
  deferred: "mediumpurple",
  scheduled: "tan",
  removed: "lightgrey",
  none: "transparent",
};

export const stateColor = (state: TaskInstanceState | DagRunState | null | undefined): string =>
  STATE_COLORS[state ?? "none"];

/** Airflow writes `up_for_retry` as "up for retry" in its UI. */
export const stateLabel = (state: string | null | undefined): string =>
  state === null || state === undefined ? "no status" : state.replace(/_/g, " ");
