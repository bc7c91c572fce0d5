// Tokens stay stateless JWTs, but a login token names its user's row (`uid`), and once per
// /api/v2 call that row is read by primary key: a token whose user was deleted, deactivated,
// or re-created under the same name since is refused, and the role is the user's current one.
// The lookup runs here, before `authenticate`, because it needs the database while
// `authenticate` only gets the signing options; `authenticate` refuses a login token this
// middleware did not look at, so a wiring mistake fails closed.
import { getUserById, type SqlClient, type UserRow } from "@updraft/store";
import type { Request, RequestHandler } from "express";
import { requestToken } from "./requestToken";
import { type Principal, type TokenOptions, verifyToken } from "./tokens";

/** Per request: the live user behind its login token, or null when there is none any more. */
const accounts = new WeakMap<Request, UserRow | null>();

/**
 * The user `req`'s login token belongs to, if still active and of that name; null when the
 * token is revoked; undefined when confirmTokenAccounts did not look (no login token, or not
 * mounted).
 */
export function confirmedAccountOf(req: Request): UserRow | null | undefined {
  return accounts.get(req);
}

/** Looks up the user behind a login token; every other request passes untouched. */
export function confirmTokenAccounts(client: SqlClient, options: TokenOptions): RequestHandler {
  return async (req, _res, next) => {
    const token = requestToken(req);
    if (token === null) return next();
    let principal: Principal;
    try {
      principal = verifyToken(options, token);
    } catch {
      return next(); // authenticate answers for a bad token; health and version do not care
    }
    if (principal.userId === undefined) return next();
    const user = await getUserById(client, { id: principal.userId });
    accounts.set(req, user?.active === true && user.username === principal.username ? user : null);
    next();
  };
}
