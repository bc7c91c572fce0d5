// The DAG page's views, as links so each has its own address (Airflow 3's paths).
import { NavLink } from "react-router";
import { dagPath } from "./dagPaths";

const TABS = [
  ["Grid", undefined],
  ["Graph", "graph"],
  ["Runs", "runs"],
  ["Code", "code"],
  ["Details", "details"],
] as const;

export function DagTabs({ dagId }: { readonly dagId: string }) {
  return (
    <nav className="tabs" aria-label="DAG views">
      {TABS.map(([label, tab]) => (
        <NavLink
          key={label}
          to={dagPath(dagId, tab)}
          end
          className={({ isActive }) => (isActive ? "active" : undefined)}
        >
          {label}
        </NavLink>
      ))}
    </nav>
  );
}
