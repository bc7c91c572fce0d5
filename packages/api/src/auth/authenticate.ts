// Every /api/v2 call but health and version carries a token: `Authorization: Bearer <jwt>`, or
// the `_token` cookie the UI keeps (as Airflow's UI does). The principal is kept on the request
// for the role checks; with auth disabled (development only) everyone is Admin. A login token
// is good only while its user is (see tokenAccounts.ts).
import type { Request, RequestHandler } from "express";
import { ApiError } from "../http/apiError";
import { requestToken } from "./requestToken";
import { isRole, roleAtLeast, type Role } from "./roles";
import { confirmedAccountOf } from "./tokenAccounts";
import { type Principal, type TokenOptions, verifyToken } from "./tokens";

const ANONYMOUS_ADMIN: Principal = { username: "anonymous", role: "Admin" };

/** The principal of a login token: its user as they are now; ApiError 401 when gone. */
function liveAccount(req: Request, principal: Principal): Principal {
  const account = confirmedAccountOf(req);
  if (account === undefined)
    throw new Error(
      "authenticate: a login token's user was not looked up (confirmTokenAccounts must run first)",
    );
  if (account === null || account.id !== principal.userId || !isRole(account.role))
    throw new ApiError("UNAUTHORIZED", "Invalid JWT token");
  return { username: account.username, role: account.role, userId: account.id };
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
    const token = requestToken(req);
    if (token === null) return next(new ApiError("UNAUTHORIZED", "Not authenticated"));
    try {
      const principal = verifyToken(options, token);
      principals.set(req, principal.userId === undefined ? principal : liveAccount(req, principal));
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
