// A run's column header: a bar as tall as the run is long (against the longest run shown),
// coloured by the run's state, linking to the run's page.
import { Link } from "react-router";
import type { GridRun } from "../../api/types";
import { formatDate } from "../../format/formatDate";
import { formatDuration } from "../../format/formatDuration";
import { runPath } from "../../routes/dag/dagPaths";
import { stateColor, stateLabel } from "../stateColors";

/** The smallest bar, so a run that has not started still shows its state. */
const MIN_PERCENT = 6;

export function GridRunHeader({
  run,
  longest,
}: {
  readonly run: GridRun;
  /** The longest duration among the runs shown, in seconds. */
  readonly longest: number;
}) {
  const duration = run.duration ?? 0;
  const percent = longest > 0 ? Math.max(MIN_PERCENT, (duration / longest) * 100) : MIN_PERCENT;
  const title = [
    run.run_id,
    `State: ${stateLabel(run.state)}`,
    `Run after: ${formatDate(run.run_after)}`,
    `Duration: ${formatDuration(run.duration)}`,
    `Type: ${run.run_type}`,
  ].join("\n");
  return (
    <th scope="col" className="grid-run">
      <Link
        to={runPath(run.dag_id, run.run_id)}
        className="grid-bar-link"
        aria-label={`Run ${run.run_id}: ${stateLabel(run.state)}`}
        title={title}
      >
        <span
          className="grid-bar"
          data-state={run.state}
          style={{ height: `${percent}%`, background: stateColor(run.state) }}
        />
      </Link>
    </th>
  );
}
