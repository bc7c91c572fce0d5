// What a PATCH /auth/fab/v1/users/{username} changes: the fields the body sets, narrowed to the
// update_mask when one is given, refused when they would lock the caller out — an Admin cannot
// take the Admin role from themself or deactivate themself (another Admin must), and a user is
// not renamed (their tokens name them).
import { badRequest } from "../http/apiError";
import { fieldsToUpdate } from "../http/updateMask";
import type { Role } from "../auth/roles";
import { FAB_USER_PATCH_FIELDS, type FabUserPatchBody } from "./fabUserBody";

/** The changes of one PATCH, the password still in clear. */
export interface FabUserChanges {
  readonly role?: Role;
  readonly firstName?: string | null;
  readonly lastName?: string | null;
  readonly email?: string | null;
  readonly active?: boolean;
  readonly password?: string;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The changes `body` (as sent: `raw`, with `mask`) makes to `username`, asked by `caller`. */
export function fabUserChanges(
  username: string,
  body: FabUserPatchBody,
  raw: unknown,
  mask: readonly string[],
  caller: string,
): FabUserChanges {
  if (body.username !== undefined && body.username !== username)
    throw badRequest(
      `The username in the request body (\`${body.username}\`) does not match the URL's ` +
        `(\`${username}\`): users cannot be renamed`,
    );
  const fields = fieldsToUpdate(FAB_USER_PATCH_FIELDS, raw, mask);
  const changes: Mutable<FabUserChanges> = {};
  if (fields.has("roles") && body.roles !== undefined) changes.role = body.roles;
  if (fields.has("first_name")) changes.firstName = body.first_name ?? null;
  if (fields.has("last_name")) changes.lastName = body.last_name ?? null;
  if (fields.has("email")) changes.email = body.email ?? null;
  if (fields.has("active") && body.active !== undefined) changes.active = body.active;
  if (fields.has("password") && body.password !== undefined) changes.password = body.password;
  if (username === caller) {
    if (changes.role !== undefined && changes.role !== "Admin")
      throw badRequest(
        "You cannot take the Admin role from yourself: another Admin has to change your role",
      );
    if (changes.active === false)
      throw badRequest("You cannot deactivate yourself: another Admin has to");
  }
  return changes;
}
