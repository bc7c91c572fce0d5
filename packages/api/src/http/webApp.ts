// The built web UI (apps/web/dist), served by the API server at its root so the browser sees
// one origin. Vite names assets by content hash, so they are cached for a year; index.html is
// revalidated each time. Any other GET outside /api and /auth is a client-side route: it gets
// index.html and React Router takes it from there.
import { existsSync } from "node:fs";
import path from "node:path";
import express, { type Router } from "express";

export function serveWebApp(dir: string): Router {
  const index = path.join(dir, "index.html");
  if (!existsSync(index))
    throw new Error(
      `uiDir: ${dir} holds no index.html (build the UI: pnpm --filter @updraft/web build)`,
    );
  const router = express.Router();
  router.use(
    "/assets",
    express.static(path.join(dir, "assets"), {
      immutable: true,
      maxAge: "365d",
      fallthrough: false,
    }),
  );
  router.use(express.static(dir, { index: false, maxAge: 0 }));
  router.get(/^\/(?!api\/|auth\/).*/, (_req, res) => {
    res.set("Cache-Control", "no-cache").sendFile(index);
  });
  return router;
}
