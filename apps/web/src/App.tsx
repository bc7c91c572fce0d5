// The UI's pages and the providers around them. Paths follow Airflow 3's UI, so a link copied
// from Airflow's address bar maps over by changing the host.
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { BrowserRouter, MemoryRouter, Navigate, Route, Routes } from "react-router";
import { createQueryClient } from "./api/queryClient";
import { SessionProvider } from "./auth/SessionProvider";
import { Layout } from "./components/Layout";
import { ConnectionsPage } from "./routes/admin/ConnectionsPage";
import { PoolsPage } from "./routes/admin/PoolsPage";
import { UsersPage } from "./routes/admin/UsersPage";
import { VariablesPage } from "./routes/admin/VariablesPage";
import { DagPage } from "./routes/dag/DagPage";
import { DagRunPage } from "./routes/dagRun/DagRunPage";
import { DagRunsPage } from "./routes/dagRun/DagRunsPage";
import { DagsPage } from "./routes/dags/DagsPage";
import { LoginPage } from "./routes/LoginPage";
import { NotFoundPage } from "./routes/NotFoundPage";
import { RequireSession } from "./routes/RequireSession";
import { TaskInstancePage } from "./routes/taskInstance/TaskInstancePage";

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireSession>
            <Layout />
          </RequireSession>
        }
      >
        <Route index element={<Navigate to="/dags" replace />} />
        <Route path="dags" element={<DagsPage />} />
        <Route path="dags/:dagId/runs/:runId/tasks/:taskId" element={<TaskInstancePage />} />
        <Route
          path="dags/:dagId/runs/:runId/tasks/:taskId/mapped/:mapIndex"
          element={<TaskInstancePage />}
        />
        <Route path="dags/:dagId/runs/:runId" element={<DagRunPage />} />
        <Route path="dags/:dagId/*" element={<DagPage />} />
        <Route path="runs" element={<DagRunsPage />} />
        <Route path="connections" element={<ConnectionsPage />} />
        <Route path="variables" element={<VariablesPage />} />
        <Route path="pools" element={<PoolsPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export interface AppProps {
  /** Tests pass their own cache and start at a path in memory. */
  readonly queryClient?: QueryClient;
  readonly initialPath?: string;
}

export function App({ queryClient, initialPath }: AppProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const routes = (
    <SessionProvider>
      <AppRoutes />
    </SessionProvider>
  );
  return (
    <QueryClientProvider client={client}>
      {initialPath === undefined ? (
        <BrowserRouter>{routes}</BrowserRouter>
      ) : (
        <MemoryRouter initialEntries={[initialPath]}>{routes}</MemoryRouter>
      )}
    </QueryClientProvider>
  );
}
