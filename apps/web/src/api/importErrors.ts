// DAG files that failed to load (GET /importErrors), for the banner above the DAGs list. They
// change when the DAG processor parses the folder again, so they are refetched every minute.
import { useQuery } from "@tanstack/react-query";
import { apiRequest, v2 } from "./client";
import type { ImportErrorCollection } from "./types";

export function useImportErrors(limit = 100) {
  return useQuery({
    queryKey: ["importErrors", limit],
    queryFn: ({ signal }) =>
      apiRequest<ImportErrorCollection>(v2("importErrors"), {
        query: { limit, order_by: "filename" },
        signal,
      }),
    refetchInterval: 60_000,
  });
}
