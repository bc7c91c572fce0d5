// `pnpm --filter @updraft/web dev` serves the UI on :5173 and forwards the API's paths to a
// running `updraft api-server` (UPDRAFT_API_URL, http://localhost:8080 by default), so the
// browser sees one origin as it does when the API server serves the built files.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const api = process.env.UPDRAFT_API_URL ?? "http://localhost:8080";

export default defineConfig({
  plugins: [react()],
  server: { proxy: { "/api": api, "/auth": api } },
  build: { outDir: "dist", sourcemap: true, chunkSizeWarningLimit: 1000 },
});
