// PLACEHOLDER: the pools endpoints (being written).
import { Router } from "express";
import type { ApiContext } from "../context";

export function poolsRoutes(_ctx: ApiContext): Router {
  return Router();
}
