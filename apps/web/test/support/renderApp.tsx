// The whole UI rendered at `path`, logged in as a user of `role` (or logged out with null),
// over the fake API; each test gets a fresh cache.
import { render } from "@testing-library/react";
import { App } from "../../src/App";
import { createQueryClient } from "../../src/api/queryClient";
import type { Role } from "../../src/auth/roles";
import type { FakeApi } from "./fakeApi";

export function renderApp(api: FakeApi, path: string, role: Role | null = "Admin") {
  api.on("GET /api/v2/ui/auth/me", () =>
    role === null
      ? { status: 401, body: { detail: "Not authenticated" } }
      : { username: `${role.toLowerCase()}-user`, role },
  );
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({
    ...queryClient.getDefaultOptions(),
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  });
  return render(<App queryClient={queryClient} initialPath={path} />);
}
