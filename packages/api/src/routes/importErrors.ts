// PLACEHOLDER: the importErrors endpoints (being written).
import { Router } from "express";
import type { ApiContext } from "../context";

export function importErrorsRoutes(_ctx: ApiContext): Router {
  return Router();
}
