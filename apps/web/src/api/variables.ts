// Variables (every role reads, Op writes): a page of them by key, and create, update and delete,
// each refreshing every variables read at once. A value the API masks comes back as `***`;
// sending `***` back keeps the stored value.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest, v2 } from "./client";
import type { AdminListPage, Variable, VariableBody, VariableCollection } from "./types";

/** GET /variables, searched by variable_key_pattern. */
export function useVariables(page: AdminListPage) {
  return useQuery({
    queryKey: ["variables", "list", page],
    queryFn: ({ signal }) =>
      apiRequest<VariableCollection>(v2("variables"), {
        query: {
          variable_key_pattern: page.pattern,
          order_by: "key",
          limit: page.limit,
          offset: page.offset,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** POST /variables, PATCH /variables/{key} and DELETE /variables/{key}. */
export function useVariableMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: ["variables"] });
  const create = useMutation({
    mutationFn: (body: VariableBody) =>
      apiRequest<Variable>(v2("variables"), { method: "POST", body }),
    onSuccess,
  });
  const update = useMutation({
    mutationFn: (body: VariableBody) =>
      apiRequest<Variable>(v2("variables", body.key), {
        method: "PATCH",
        query: { update_mask: ["value", "description"] },
        body,
      }),
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: (key: string) => apiRequest<void>(v2("variables", key), { method: "DELETE" }),
    onSuccess,
  });
  return { create, update, remove };
}
