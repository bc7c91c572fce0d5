// PLACEHOLDER: the dagRuns endpoints (being written).
import { Router } from "express";
import type { ApiContext } from "../context";

export function dagRunsRoutes(_ctx: ApiContext): Router {
  return Router();
}
