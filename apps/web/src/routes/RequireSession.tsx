// Pages behind the login: while the server is asked who we are, a loading line; not logged
// in, the login page (remembering where the user was going).
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { useSession } from "../auth/SessionProvider";
import { Loading } from "../components/Loading";

export function RequireSession({ children }: { readonly children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) return <Loading />;
  if (user === null)
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return children;
}
