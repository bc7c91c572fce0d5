// Login attempts per client IP per minute (express-rate-limit's in-memory store, so per API
// process): past the limit, 429 with Airflow's error body and Retry-After. Behind a proxy the
// IP is the proxy's unless Express's `trust proxy` is set.
import type { RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";
import { ApiError } from "../http/apiError";

/** Login attempts per IP per minute. */
const DEFAULT_LOGIN_ATTEMPTS_PER_MINUTE = 10;

/** The limiter in front of POST /auth/token. */
export function loginRateLimit(
  attemptsPerMinute = DEFAULT_LOGIN_ATTEMPTS_PER_MINUTE,
): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: attemptsPerMinute,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(new ApiError("TOO_MANY_REQUESTS", "Too many login attempts; try again in a minute")),
  });
}
