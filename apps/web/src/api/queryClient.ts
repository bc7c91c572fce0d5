// One cache for every API read. Client errors (4xx) are answers, not glitches: never retried.
import { QueryClient } from "@tanstack/react-query";
import { ApiRequestError } from "./apiRequestError";

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) =>
          !(error instanceof ApiRequestError && error.status < 500) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
}
