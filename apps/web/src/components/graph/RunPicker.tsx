// Which run the graph's colours show: the newest runs, newest first.
import type { GridRun } from "../../api/types";
import { formatDate } from "../../format/formatDate";
import { stateLabel } from "../stateColors";

export function RunPicker({
  runs,
  value,
  onChange,
}: {
  readonly runs: readonly GridRun[];
  readonly value: string | null;
  readonly onChange: (runId: string) => void;
}) {
  return (
    <label className="inline">
      Run
      <select
        value={value ?? ""}
        disabled={runs.length === 0}
        onChange={(event) => onChange(event.target.value)}
      >
        {runs.length === 0 && <option value="">No runs yet</option>}
        {runs.map((run) => (
          <option key={run.run_id} value={run.run_id}>
            {run.run_id} — {stateLabel(run.state)} — {formatDate(run.run_after)}
          </option>
        ))}
      </select>
    </label>
  );
}
