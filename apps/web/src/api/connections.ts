// Connections (Op reads, Admin writes): a page of them by connection id, and create, update and
// delete, each refreshing every connections read at once. The API never returns a password
// (`***` when one is set); an update leaves `password` out of its body and mask to keep it.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest, v2 } from "./client";
import type { AdminListPage, Connection, ConnectionBody, ConnectionCollection } from "./types";

/** GET /connections, searched by connection_id_pattern. */
export function useConnections(page: AdminListPage, enabled = true) {
  return useQuery({
    queryKey: ["connections", "list", page],
    queryFn: ({ signal }) =>
      apiRequest<ConnectionCollection>(v2("connections"), {
        query: {
          connection_id_pattern: page.pattern,
          order_by: "connection_id",
          limit: page.limit,
          offset: page.offset,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export interface UpdateConnectionInput {
  readonly body: ConnectionBody;
  /** The fields to change (Airflow's update_mask); the password only when it is to change. */
  readonly mask: readonly (keyof ConnectionBody)[];
}

/** POST /connections, PATCH /connections/{id} and DELETE /connections/{id}. */
export function useConnectionMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: ["connections"] });
  const create = useMutation({
    mutationFn: (body: ConnectionBody) =>
      apiRequest<Connection>(v2("connections"), { method: "POST", body }),
    onSuccess,
  });
  const update = useMutation({
    mutationFn: ({ body, mask }: UpdateConnectionInput) =>
      apiRequest<Connection>(v2("connections", body.connection_id), {
        method: "PATCH",
        query: { update_mask: mask },
        body,
      }),
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: (connectionId: string) =>
      apiRequest<void>(v2("connections", connectionId), { method: "DELETE" }),
    onSuccess,
  });
  return { create, update, remove };
}
