// A pool's slot usage as a small bar in Airflow's state colours (open slots in the page's own
// colour), with the numbers in words beside it; the words are also the bar's name for screen
// readers.
import type { Pool } from "../../api/types";
import { STATE_COLORS } from "../../components/stateColors";
import { poolSlotParts, poolSlotSummary, type SlotKind } from "./poolSlots";

const COLOR: Readonly<Record<Exclude<SlotKind, "open">, string>> = {
  running: STATE_COLORS.running,
  queued: STATE_COLORS.queued,
  deferred: STATE_COLORS.deferred,
  scheduled: STATE_COLORS.scheduled,
};

export function PoolSlotsBar({ pool }: { readonly pool: Pool }) {
  const summary = poolSlotSummary(pool);
  return (
    <div className="pool-slots">
      <div className="pool-bar" role="img" aria-label={summary} title={summary}>
        {poolSlotParts(pool).map((part) => (
          <span
            key={part.kind}
            className={`pool-bar-part pool-bar-${part.kind}`}
            style={{
              width: `${part.share}%`,
              ...(part.kind === "open" ? {} : { background: COLOR[part.kind] }),
            }}
          />
        ))}
      </div>
      <span className="pool-slots-text muted" aria-hidden>
        {summary}
      </span>
    </div>
  );
}
