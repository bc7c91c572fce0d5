// The DAGs list's filters, read from and written to the address: the id search, All / Active /
// Paused, and tags. Changing one goes back to the first page.
import type { SetURLSearchParams } from "react-router";
import { DagSearch } from "./DagSearch";
import { type PausedFilter, pausedFilterOf } from "./dagsListQuery";
import { TagFilter } from "./TagFilter";

const PAUSED_CHOICES: readonly { readonly value: PausedFilter; readonly label: string }[] = [
  { value: "all", label: "All" },
  { value: "active", label: "Active" },
  { value: "paused", label: "Paused" },
];

export interface DagsFiltersProps {
  readonly params: URLSearchParams;
  readonly setParams: SetURLSearchParams;
}

export function DagsFilters({ params, setParams }: DagsFiltersProps) {
  const update = (change: (next: URLSearchParams) => void) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        change(next);
        next.delete("offset");
        return next;
      },
      { replace: true },
    );
  const paused = pausedFilterOf(params);
  const tags = params.getAll("tags");
  return (
    <div className="toolbar dags-filters" role="search" aria-label="Filter DAGs">
      <DagSearch
        value={params.get("dag_id_pattern") ?? ""}
        onSearch={(pattern) =>
          update((next) =>
            pattern === "" ? next.delete("dag_id_pattern") : next.set("dag_id_pattern", pattern),
          )
        }
      />
      <div className="segmented" role="group" aria-label="Show">
        {PAUSED_CHOICES.map((choice) => (
          <button
            key={choice.value}
            type="button"
            aria-pressed={paused === choice.value}
            onClick={() =>
              update((next) =>
                choice.value === "all"
                  ? next.delete("paused")
                  : next.set("paused", String(choice.value === "paused")),
              )
            }
          >
            {choice.label}
          </button>
        ))}
      </div>
      <TagFilter
        tags={tags}
        matchAll={params.get("tags_match_mode") === "all"}
        onTags={(chosen) =>
          update((next) => {
            next.delete("tags");
            for (const tag of chosen) next.append("tags", tag);
            if (chosen.length < 2) next.delete("tags_match_mode");
          })
        }
        onMatchAll={(all) =>
          update((next) =>
            all ? next.set("tags_match_mode", "all") : next.delete("tags_match_mode"),
          )
        }
      />
    </div>
  );
}
