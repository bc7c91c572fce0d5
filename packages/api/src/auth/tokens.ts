// The JWTs `POST /auth/token` issues and every API call carries (HS256, Airflow's default
// lifetime of a day): the user's name as `sub`, their role as `role`, and for a token issued
// at login the user's row id as `uid` — which `authenticate` checks against the users table
// on every call, so deleting or deactivating a user revokes their tokens at once (and a user
// re-created under the same name gets a new id, so the old tokens stay dead).
import jwt from "jsonwebtoken";
import { ApiError } from "../http/apiError";
import { isRole, type Role } from "./roles";

/** How tokens are signed. */
export interface TokenOptions {
  /** The signing secret (UPDRAFT_API_SECRET_KEY); at least 32 characters. */
  readonly secret: string;
  /** @default 86400 (Airflow's [api_auth] jwt_expiration_time) */
  readonly expirationSeconds?: number;
}

/** Who a token says the caller is. */
export interface Principal {
  readonly username: string;
  readonly role: Role;
  /**
   * The `ab_user` id, on tokens issued at login. A token without one was minted by a holder
   * of the signing secret (tests, tools) and is trusted as signed.
   */
  readonly userId?: number;
}

const ISSUER = "updraft";
export const DEFAULT_TOKEN_LIFETIME_S = 86_400;

/** A signed token for `principal`. */
export function issueToken(options: TokenOptions, principal: Principal): string {
  const claims = principal.userId === undefined ? {} : { uid: principal.userId };
  return jwt.sign({ role: principal.role, ...claims }, options.secret, {
    algorithm: "HS256",
    subject: principal.username,
    issuer: ISSUER,
    expiresIn: options.expirationSeconds ?? DEFAULT_TOKEN_LIFETIME_S,
  });
}

/** The principal of a valid token; ApiError UNAUTHORIZED otherwise. */
export function verifyToken(options: TokenOptions, token: string): Principal {
  let claims: unknown;
  try {
    claims = jwt.verify(token, options.secret, { algorithms: ["HS256"], issuer: ISSUER });
  } catch {
    throw new ApiError("UNAUTHORIZED", "Invalid JWT token");
  }
  const { sub, role, uid } = (claims ?? {}) as { sub?: unknown; role?: unknown; uid?: unknown };
  if (typeof sub !== "string" || !isRole(role))
    throw new ApiError("UNAUTHORIZED", "Invalid JWT token");
  if (uid === undefined) return { username: sub, role };
  if (!Number.isSafeInteger(uid)) throw new ApiError("UNAUTHORIZED", "Invalid JWT token");
  return { username: sub, role, userId: uid as number };
}
