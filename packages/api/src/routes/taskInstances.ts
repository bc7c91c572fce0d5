// PLACEHOLDER: the taskInstances endpoints (being written).
import { Router } from "express";
import type { ApiContext } from "../context";

export function taskInstancesRoutes(_ctx: ApiContext): Router {
  return Router();
}
