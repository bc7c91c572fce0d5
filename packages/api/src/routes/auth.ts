// The login, at the app's root as Airflow's auth manager routes are (outside /api/v2):
// POST /auth/token takes {"username","password"} as JSON or a form and answers 201
// {"access_token"} with the token also set as the UI's `_token` cookie; any failure is 401
// "Invalid credentials"; attempts are rate-limited per IP. GET /auth/logout drops the cookie.
// This router also looks up the user behind each /api/v2 call's login token (app.ts mounts it
// before /api/v2), so deleting or deactivating a user takes effect at once.
import { Router } from "express";
import { z } from "zod";
import { checkCredentials } from "../auth/checkCredentials";
import { loginRateLimit } from "../auth/loginRateLimit";
import { confirmTokenAccounts } from "../auth/tokenAccounts";
import { clearedTokenCookie, tokenCookie } from "../auth/tokenCookie";
import { DEFAULT_TOKEN_LIFETIME_S, issueToken, type TokenOptions } from "../auth/tokens";
import { isRole } from "../auth/roles";
import type { ApiContext } from "../context";
import { ApiError } from "../http/apiError";
import { parseInput } from "../http/validation";

/** Airflow's LoginBody. */
const LOGIN_BODY = z.strictObject({ username: z.string(), password: z.string() });

export function authRoutes(ctx: ApiContext): Router {
  const router = Router();
  const { auth } = ctx.options;
  const lifetimeSeconds = auth.expirationSeconds ?? DEFAULT_TOKEN_LIFETIME_S;
  const tokenOptions: TokenOptions = { secret: auth.secret, expirationSeconds: lifetimeSeconds };
  if (auth.enabled ?? true) router.use("/api/v2", confirmTokenAccounts(ctx.client, tokenOptions));
  router.post("/auth/token", loginRateLimit(auth.loginAttemptsPerMinute), async (req, res) => {
    const body = parseInput(LOGIN_BODY, req.body, "body");
    const user = await checkCredentials(ctx.client, body.username, body.password);
    if (user === null || !isRole(user.role))
      throw new ApiError("UNAUTHORIZED", "Invalid credentials");
    const token = issueToken(tokenOptions, {
      username: user.username,
      role: user.role,
      userId: user.id,
    });
    res.cookie(...tokenCookie(req, token, lifetimeSeconds));
    res.set("Cache-Control", "no-store"); // RFC 6749 §5.1: token responses are never cached
    res.status(201).json({ access_token: token });
  });
  router.get("/auth/logout", (req, res) => {
    res.clearCookie(...clearedTokenCookie(req));
    res.status(204).end();
  });
  return router;
}
