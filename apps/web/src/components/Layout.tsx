// The frame of every page once logged in: the navigation (Admin pages only for the roles that
// may open them), the theme switch and the user's name with a way out.
import { NavLink, Outlet } from "react-router";
import { useSession } from "../auth/SessionProvider";
import { useTheme } from "./useTheme";

export function Layout() {
  const session = useSession();
  const [theme, toggleTheme] = useTheme();
  const link = ({ isActive }: { isActive: boolean }) => (isActive ? "nav-link active" : "nav-link");
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <NavLink to="/dags" className="brand">
          Updraft
        </NavLink>
        <nav aria-label="Main">
          <NavLink to="/dags" className={link}>
            DAGs
          </NavLink>
          <NavLink to="/runs" className={link}>
            Runs
          </NavLink>
          {session.can("Op") && (
            <NavLink to="/connections" className={link}>
              Connections
            </NavLink>
          )}
          <NavLink to="/variables" className={link}>
            Variables
          </NavLink>
          <NavLink to="/pools" className={link}>
            Pools
          </NavLink>
          {session.can("Admin") && (
            <NavLink to="/users" className={link}>
              Users
            </NavLink>
          )}
        </nav>
        <div className="header-end">
          <button
            type="button"
            className="ghost"
            onClick={toggleTheme}
            aria-label={theme === "dark" ? "Switch to light theme" : "Switch to dark theme"}
          >
            {theme === "dark" ? "☀ Light" : "☾ Dark"}
          </button>
          {session.user !== null && session.user !== undefined && (
            <span className="user" title={`Role: ${session.user.role}`}>
              {session.user.username} <small>({session.user.role})</small>
            </span>
          )}
          <button type="button" className="ghost" onClick={() => void session.logout()}>
            Log out
          </button>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
