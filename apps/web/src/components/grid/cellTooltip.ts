// What hovering a grid cell tells: the state, the try, how long it ran, and for a mapped task or
// a group the count of instances per state.
import type { GridTaskInstanceSummary } from "../../api/types";
import { formatDuration } from "../../format/formatDuration";
import { stateLabel } from "../stateColors";
import { elapsedSeconds } from "./elapsedSeconds";

/** The child states as "2 success, 1 running" (Airflow writes "no_status" for no state). */
export function describeChildStates(childStates: Readonly<Record<string, number>>): string {
  return Object.entries(childStates)
    .filter(([, count]) => count > 0)
    .map(([state, count]) => `${count} ${stateLabel(state === "no_status" ? null : state)}`)
    .join(", ");
}

export function cellTooltip(
  label: string,
  summary: GridTaskInstanceSummary | undefined,
  options: { readonly isGroup: boolean; readonly isMapped: boolean; readonly now?: number },
): string {
  const lines = [label, `State: ${stateLabel(summary?.state ?? null)}`];
  if (summary === undefined) return lines.join("\n");
  if (!options.isGroup && summary.try_number > 0) lines.push(`Try: ${summary.try_number}`);
  const seconds = elapsedSeconds(summary.start_date, summary.end_date, options.now);
  if (seconds !== null) lines.push(`Duration: ${formatDuration(seconds)}`);
  if ((options.isGroup || options.isMapped) && summary.child_states !== null) {
    const what = options.isGroup ? "task instances" : "mapped";
    const counts = describeChildStates(summary.child_states);
    lines.push(`${summary.task_count} ${what}${counts === "" ? "" : `: ${counts}`}`);
  }
  return lines.join("\n");
}
