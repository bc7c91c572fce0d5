// Who is logged in. On load the UI asks the server (/ui/auth/me) rather than trusting a stored
// token: that covers an expired token, a deleted user and a server with auth disabled alike.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from "react";
import { ApiRequestError } from "../api/apiRequestError";
import { apiRequest, v2 } from "../api/client";
import { hasRole, type Role } from "./roles";
import { onTokenChange, writeToken } from "./tokenStore";

export interface SessionUser {
  readonly username: string;
  readonly role: Role;
}

export interface Session {
  /** null: not logged in; undefined: still asking. */
  readonly user: SessionUser | null | undefined;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  /** Whether the user's role is at least `role`. */
  can(role: Role): boolean;
}

const SessionContext = createContext<Session | null>(null);
const ME = ["session", "me"] as const;

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery({
    queryKey: ME,
    queryFn: async () => {
      try {
        return await apiRequest<SessionUser>(v2("ui", "auth", "me"));
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });
  // A 401 anywhere drops the token: forget every cached answer and ask again.
  useEffect(
    () =>
      onTokenChange(() => {
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME[0] });
        void queryClient.resetQueries({ queryKey: ME });
      }),
    [queryClient],
  );
  const login = useCallback(async (username: string, password: string) => {
    const { access_token } = await apiRequest<{ access_token: string }>("/auth/token", {
      method: "POST",
      body: { username, password },
    });
    writeToken(access_token);
  }, []);
  const logout = useCallback(async () => {
    await apiRequest<void>("/auth/logout").catch(() => undefined);
    writeToken(null);
  }, []);
  const user = me.isPending ? undefined : (me.data ?? null);
  const session = useMemo<Session>(
    () => ({
      user,
      login,
      logout,
      can: (role) => user !== null && user !== undefined && hasRole(user.role, role),
    }),
    [user, login, logout],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error("useSession needs a <SessionProvider> above it");
  return session;
}
