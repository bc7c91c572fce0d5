import type { DagRunState, TaskInstanceState } from "../api/types";
import { stateColor, stateLabel } from "./stateColors";

/** A state as a coloured dot and its name. */
export function StateBadge({ state }: { readonly state: TaskInstanceState | DagRunState | null }) {
  return (
    <span className="state-badge" data-state={state ?? "none"}>
      <span className="state-dot" style={{ background: stateColor(state) }} aria-hidden />
      {stateLabel(state)}
    </span>
  );
}

/** Just the dot, with the state as its accessible name and tooltip. */
export function StateDot({
  state,
  title,
}: {
  readonly state: TaskInstanceState | DagRunState | null;
  readonly title?: string;
}) {
  const label = title ?? stateLabel(state);
  return (
    <span
      className="state-dot"
      role="img"
      aria-label={label}
      title={label}
      data-state={state ?? "none"}
      style={{ background: stateColor(state) }}
    />
  );
}
