// The `_token` cookie the login sets for the UI: HttpOnly (scripts cannot read it), SameSite
// Strict (other sites cannot ride on it), Secure when the login came over https (behind a
// proxy only if Express's `trust proxy` says so), living as long as the token.
import type { CookieOptions, Request } from "express";
import { TOKEN_COOKIE } from "./requestToken";

function cookieOptions(req: Request): CookieOptions {
  return { httpOnly: true, sameSite: "strict", secure: req.secure, path: "/" };
}

/** The Set-Cookie arguments for `token`, valid for `lifetimeSeconds`. */
export function tokenCookie(
  req: Request,
  token: string,
  lifetimeSeconds: number,
): [string, string, CookieOptions] {
  return [TOKEN_COOKIE, token, { ...cookieOptions(req), maxAge: lifetimeSeconds * 1000 }];
}

/** The clearCookie arguments that remove the token cookie. */
export function clearedTokenCookie(req: Request): [string, CookieOptions] {
  return [TOKEN_COOKIE, cookieOptions(req)];
}
