import type { ReactNode } from "react";

/** What a list shows when it has nothing to show, and why. */
export function EmptyState({ children }: { readonly children: ReactNode }) {
  return <div className="empty-state">{children}</div>;
}
