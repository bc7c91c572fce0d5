// Users (Admin only), through Airflow's FAB auth manager API at /auth/fab/v1: a page of them,
// and create, update (role, names, email, active, a new password) and delete, each refreshing
// every users read at once. Passwords are write-only: the API never returns one.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "./client";
import type { FabUser, FabUserBody, FabUserCollection } from "./types";

/** `/auth/fab/v1/...` with each segment encoded. */
const fab = (...segments: readonly string[]): string =>
  `/auth/fab/v1/${segments.map((s) => encodeURIComponent(s)).join("/")}`;

/** GET /auth/fab/v1/users, by username. */
export function useUsers(
  page: { readonly offset: number; readonly limit: number },
  enabled = true,
) {
  return useQuery({
    queryKey: ["users", "list", page],
    queryFn: ({ signal }) =>
      apiRequest<FabUserCollection>(fab("users"), {
        query: { order_by: "username", limit: page.limit, offset: page.offset },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export interface UpdateUserInput {
  readonly username: string;
  readonly body: FabUserBody;
}

/** POST /auth/fab/v1/users, PATCH and DELETE /auth/fab/v1/users/{username}. */
export function useUserMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: ["users"] });
  const create = useMutation({
    mutationFn: (body: FabUserBody) => apiRequest<FabUser>(fab("users"), { method: "POST", body }),
    onSuccess,
  });
  const update = useMutation({
    // The mask is what the body sets: nothing else changes, whatever FAB's defaults.
    mutationFn: ({ username, body }: UpdateUserInput) =>
      apiRequest<FabUser>(fab("users", username), {
        method: "PATCH",
        query: { update_mask: Object.keys(body) },
        body,
      }),
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: (username: string) =>
      apiRequest<void>(fab("users", username), { method: "DELETE" }),
    onSuccess,
  });
  return { create, update, remove };
}
