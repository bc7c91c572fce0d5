// PLACEHOLDER: the dags endpoints (being written).
import { Router } from "express";
import type { ApiContext } from "../context";

export function dagsRoutes(_ctx: ApiContext): Router {
  return Router();
}
