// The tries of a task instance, one button each (coloured by how the try went); the pressed one
// is the try whose details and log are shown.
import type { TaskInstanceHistory } from "../../api/types";
import { stateColor, stateLabel } from "../stateColors";

export interface TrySwitcherProps {
  readonly tries: readonly TaskInstanceHistory[];
  readonly shown: number;
  readonly onChoose: (tryNumber: number) => void;
}

export function TrySwitcher({ tries, shown, onChoose }: TrySwitcherProps) {
  return (
    <div className="try-switcher" role="group" aria-label="Tries">
      {tries.map((t) => (
        <button
          key={t.try_number}
          type="button"
          className="small"
          aria-pressed={t.try_number === shown}
          title={`Try ${t.try_number}: ${stateLabel(t.state)}`}
          onClick={() => onChoose(t.try_number)}
        >
          <span className="state-dot" aria-hidden style={{ background: stateColor(t.state) }} />
          Try {t.try_number}
        </button>
      ))}
    </div>
  );
}
