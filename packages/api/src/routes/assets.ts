// PLACEHOLDER: the assets endpoints (being written).
import { Router } from "express";
import type { ApiContext } from "../context";

export function assetsRoutes(_ctx: ApiContext): Router {
  return Router();
}
