// Airflow's configuration endpoints, GET /config and GET /config/section/{section}/option/{option},
// as Airflow answers them by default: its `[api] expose_config` is False, so every caller — Admin
// too — gets 403 with Airflow's message once past the role check (Viewer, as the simple auth
// manager's configuration reads) and the Accept check (JSON or text, else 406). Updraft's
// configuration is its environment, which it never sends to clients.
import { type Request, type Response, Router } from "express";
import type { ApiContext } from "../context";
import { acceptJsonOrText, sendNotAcceptable } from "../dags/acceptJsonOrText";
import { ApiError } from "../http/apiError";

/** Airflow's answer while expose_config is off. */
const CONFIG_NOT_EXPOSED =
  "Your Airflow administrator chose not to expose the configuration, most likely for security reasons.";

function refuseConfig(req: Request, res: Response): void {
  if (acceptJsonOrText(req.headers.accept) === null) return sendNotAcceptable(res);
  throw new ApiError("FORBIDDEN", CONFIG_NOT_EXPOSED);
}

export function configRoutes(_ctx: ApiContext): Router {
  const router = Router();
  router.get("/config", refuseConfig);
  router.get("/config/section/:section/option/:option", refuseConfig);
  return router;
}
