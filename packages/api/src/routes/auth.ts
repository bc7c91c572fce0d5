// PLACEHOLDER: the auth endpoints (being written).
import { Router } from "express";
import type { ApiContext } from "../context";

export function authRoutes(_ctx: ApiContext): Router {
  return Router();
}
