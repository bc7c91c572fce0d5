// Every /api/v2 call but health and version carries a token: `Authorization: Bearer <jwt>`, or
// the `_token` cookie the UI keeps (as Airflow's UI does). The principal is kept on the request
// for the role checks; with auth disabled (development only) everyone is Admin.
import type { Request, RequestHandler } from "express";
import { ApiError } from "../http/apiError";
import { roleAtLeast, type Role } from "./roles";
import { type Principal, type TokenOptions, verifyToken } from "./tokens";

const ANONYMOUS_ADMIN: Principal = { username: "anonymous", role: "Admin" };

function tokenOf(req: Request): string | null {
  const header = req.headers.authorization;
  if (typeof header === "string" && /^bearer\s+/i.test(header))
    return header.replace(/^bearer\s+/i, "").trim();
  const cookie = req.headers.cookie;
  const match = typeof cookie === "string" ? /(?:^|;\s*)_token=([^;]+)/.exec(cookie) : null;
  return match?.[1] === undefined ? null : decodeURIComponent(match[1]);
}

const principals = new WeakMap<Request, Principal>();

/** The caller of `req` (after `authenticate`). */
export function principalOf(req: Request): Principal {
  const principal = principals.get(req);
  if (principal === undefined) throw new ApiError("UNAUTHORIZED", "Not authenticated");
  return principal;
}

/** Resolves the caller from the token; 401 when there is none or it is not valid. */
export function authenticate(
  options: TokenOptions & { readonly enabled: boolean },
): RequestHandler {
  return (req, _res, next) => {
    if (!options.enabled) {
      principals.set(req, ANONYMOUS_ADMIN);
      return next();
    }
    const token = tokenOf(req);
    if (token === null) return next(new ApiError("UNAUTHORIZED", "Not authenticated"));
    try {
      principals.set(req, verifyToken(options, token));
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** 403 unless the caller's role is at least `role`. */
export function requireRole(role: Role): RequestHandler {
  return (req, _res, next) => {
    const principal = principalOf(req);
    if (!roleAtLeast(principal.role, role))
      return next(
        new ApiError(
          "FORBIDDEN",
          `Forbidden: this needs the ${role} role, you have ${principal.role}`,
        ),
      );
    next();
  };
}
