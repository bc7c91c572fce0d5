// Where a call's token is: `Authorization: Bearer <jwt>`, else the `_token` cookie the UI keeps
// (as Airflow's UI does; browsers' EventSource cannot set headers).
import type { Request } from "express";

/** The name of the cookie holding the UI's token. */
export const TOKEN_COOKIE = "_token";

const COOKIE = new RegExp(`(?:^|;\\s*)${TOKEN_COOKIE}=([^;]+)`);

/** The token `req` carries, or null. */
export function requestToken(req: Request): string | null {
  const header = req.headers.authorization;
  if (typeof header === "string" && /^bearer\s+/i.test(header))
    return header.replace(/^bearer\s+/i, "").trim();
  const cookie = req.headers.cookie;
  const match = typeof cookie === "string" ? COOKIE.exec(cookie) : null;
  if (match?.[1] === undefined) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    // A cookie that is not valid percent-encoding is no token (401), not a server error.
    return null;
  }
}
