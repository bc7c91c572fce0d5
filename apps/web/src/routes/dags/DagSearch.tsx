// Search by DAG id as the user types, asking the server once typing pauses (300 ms) rather
// than on every key.
import { useEffect, useRef, useState } from "react";

const DEBOUNCE_MS = 300;

export interface DagSearchProps {
  /** The search in effect (from the address). */
  readonly value: string;
  readonly onSearch: (pattern: string) => void;
}

export function DagSearch({ value, onSearch }: DagSearchProps) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  // The address changed without typing (Back, "Clear filters"): show what it says.
  if (value !== shown) {
    setShown(value);
    if (value !== text.trim()) setText(value);
  }
  const onSearchRef = useRef(onSearch);
  useEffect(() => {
    onSearchRef.current = onSearch;
  }, [onSearch]);
  useEffect(() => {
    const wanted = text.trim();
    if (wanted === value) return;
    const timer = setTimeout(() => onSearchRef.current(wanted), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value]);
  return (
    <input
      type="search"
      className="dag-search"
      aria-label="Search DAGs"
      placeholder="Search DAGs by id"
      value={text}
      onChange={(event) => setText(event.target.value)}
    />
  );
}
