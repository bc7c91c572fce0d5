// Previous / next through a long list, with where the page is ("26–50 of 120"); one page of
// rows needs no navigation.
export function Pagination({
  offset,
  limit,
  total,
  onOffset,
  label,
}: {
  readonly offset: number;
  readonly limit: number;
  readonly total: number;
  readonly onOffset: (offset: number) => void;
  /** What the list holds, for the navigation's name ("DAG runs"). */
  readonly label: string;
}) {
  if (total <= limit && offset === 0) return null;
  const first = Math.min(offset + 1, total);
  const last = Math.min(offset + limit, total);
  return (
    <nav className="pagination" aria-label={`${label} pages`}>
      <span className="muted">
        {first}–{last} of {total}
      </span>
      <button
        type="button"
        className="small"
        disabled={offset === 0}
        onClick={() => onOffset(Math.max(0, offset - limit))}
      >
        Previous
      </button>
      <button
        type="button"
        className="small"
        disabled={offset + limit >= total}
        onClick={() => onOffset(offset + limit)}
      >
        Next
      </button>
    </nav>
  );
}
