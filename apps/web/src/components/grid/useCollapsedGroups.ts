// Which task groups the grid shows collapsed, remembered per DAG in this browser, so a DAG with
// many groups opens the way the operator left it.
import { useCallback, useState } from "react";

const storageKey = (dagId: string) => `updraft.grid.collapsed.${dagId}`;

function readCollapsed(dagId: string): ReadonlySet<string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey(dagId)) ?? "[]");
    return new Set(Array.isArray(parsed) ? parsed.filter((v) => typeof v === "string") : []);
  } catch {
    return new Set();
  }
}

export interface CollapsedGroups {
  readonly collapsed: ReadonlySet<string>;
  readonly toggle: (groupId: string) => void;
  /** Replaces the whole set (expand all: empty; collapse all: every group). */
  readonly setAll: (groupIds: readonly string[]) => void;
}

export function useCollapsedGroups(dagId: string): CollapsedGroups {
  const [state, setState] = useState(() => ({ dagId, collapsed: readCollapsed(dagId) }));
  // Another DAG's page reuses this component: read that DAG's choice during render.
  const current = state.dagId === dagId ? state : { dagId, collapsed: readCollapsed(dagId) };
  if (current !== state) setState(current);
  const save = useCallback(
    (next: ReadonlySet<string>) => {
      localStorage.setItem(storageKey(dagId), JSON.stringify([...next]));
      setState({ dagId, collapsed: next });
    },
    [dagId],
  );
  const { collapsed } = current;
  const toggle = useCallback(
    (groupId: string) => {
      const next = new Set(collapsed);
      if (!next.delete(groupId)) next.add(groupId);
      save(next);
    },
    [collapsed, save],
  );
  const setAll = useCallback((groupIds: readonly string[]) => save(new Set(groupIds)), [save]);
  return { collapsed, toggle, setAll };
}
