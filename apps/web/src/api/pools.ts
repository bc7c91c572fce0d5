// Pools (every role reads, Op writes): a page of them with their slot usage, and create, update
// and delete, each refreshing every pools read at once. default_pool takes only slots and
// include_deferred (the API refuses more), and cannot be deleted.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest, v2 } from "./client";
import type { AdminListPage, Pool, PoolBody, PoolCollection } from "./types";

export const DEFAULT_POOL = "default_pool";

/** GET /pools, searched by pool_name_pattern. */
export function usePools(page: AdminListPage) {
  return useQuery({
    queryKey: ["pools", "list", page],
    queryFn: ({ signal }) =>
      apiRequest<PoolCollection>(v2("pools"), {
        query: {
          pool_name_pattern: page.pattern,
          order_by: "name",
          limit: page.limit,
          offset: page.offset,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** The fields a PATCH of `name` may change. */
export const poolUpdateMask = (name: string): readonly (keyof PoolBody)[] =>
  name === DEFAULT_POOL
    ? ["slots", "include_deferred"]
    : ["slots", "description", "include_deferred"];

/** POST /pools, PATCH /pools/{name} and DELETE /pools/{name}. */
export function usePoolMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: ["pools"] });
  const create = useMutation({
    mutationFn: (body: PoolBody) => apiRequest<Pool>(v2("pools"), { method: "POST", body }),
    onSuccess,
  });
  const update = useMutation({
    mutationFn: (body: PoolBody) => {
      const mask: readonly string[] = poolUpdateMask(body.name);
      const sent = Object.fromEntries(
        Object.entries(body).filter(([field]) => field === "name" || mask.includes(field)),
      );
      return apiRequest<Pool>(v2("pools", body.name), {
        method: "PATCH",
        query: { update_mask: mask },
        body: sent,
      });
    },
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: (name: string) => apiRequest<void>(v2("pools", name), { method: "DELETE" }),
    onSuccess,
  });
  return { create, update, remove };
}
