// PLACEHOLDER: the variables endpoints (being written).
import { Router } from "express";
import type { ApiContext } from "../context";

export function variablesRoutes(_ctx: ApiContext): Router {
  return Router();
}
