// The state of an admin list: what is typed in its search box, the search the API is asked
// (settled a moment after typing stops, so a word is one request, not one per key), and where
// the page starts — back to the first page whenever the search changes.
import { useEffect, useState } from "react";
import type { AdminListPage } from "../../api/types";

/** How long typing must pause before the list is searched. */
const SETTLE_MS = 250;

export interface ListControls {
  /** The search box's text. */
  readonly search: string;
  readonly setSearch: (text: string) => void;
  /** The page to ask the API for. */
  readonly page: AdminListPage;
  readonly setOffset: (offset: number) => void;
}

export function useListControls(limit = 25): ListControls {
  const [search, setSearch] = useState("");
  const [pattern, setPattern] = useState("");
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    const timer = setTimeout(() => {
      setPattern(search.trim());
      setOffset(0);
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [search]);
  return { search, setSearch, page: { pattern, offset, limit }, setOffset };
}
