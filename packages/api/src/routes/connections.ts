// PLACEHOLDER: the connections endpoints (being written).
import { Router } from "express";
import type { ApiContext } from "../context";

export function connectionsRoutes(_ctx: ApiContext): Router {
  return Router();
}
