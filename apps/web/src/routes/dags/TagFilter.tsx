// Filter the DAGs by tag: pick tags from those in use; the chosen ones show as chips that
// remove themselves when clicked; with two or more, whether a DAG needs any or all of them.
import { useDagTags } from "../../api/dags";

export interface TagFilterProps {
  readonly tags: readonly string[];
  readonly matchAll: boolean;
  readonly onTags: (tags: readonly string[]) => void;
  readonly onMatchAll: (matchAll: boolean) => void;
}

export function TagFilter({ tags, matchAll, onTags, onMatchAll }: TagFilterProps) {
  const known = useDagTags();
  const choices = (known.data?.tags ?? []).filter((tag) => !tags.includes(tag));
  return (
    <div className="tag-filter" role="group" aria-label="Tags">
      <select
        aria-label="Filter by tag"
        value=""
        onChange={(event) => {
          if (event.target.value !== "") onTags([...tags, event.target.value]);
        }}
        disabled={choices.length === 0}
      >
        <option value="">{known.isPending ? "Loading tags…" : "Filter by tag…"}</option>
        {choices.map((tag) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </select>
      {tags.map((tag) => (
        <button
          key={tag}
          type="button"
          className="tag tag-chosen"
          aria-label={`Remove tag filter ${tag}`}
          onClick={() => onTags(tags.filter((t) => t !== tag))}
        >
          {tag} <span aria-hidden="true">×</span>
        </button>
      ))}
      {tags.length > 1 && (
        <select
          aria-label="Tags to match"
          value={matchAll ? "all" : "any"}
          onChange={(event) => onMatchAll(event.target.value === "all")}
        >
          <option value="any">Any of these tags</option>
          <option value="all">All of these tags</option>
        </select>
      )}
    </div>
  );
}
