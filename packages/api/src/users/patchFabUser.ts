// The write of PATCH /auth/fab/v1/users/{username}: the new password hashed first (scrypt is
// slow; no lock is held meanwhile), then in one transaction the active Admins locked, the
// last-Admin rule checked and the row updated. A role change or deactivation applies to the
// user's tokens on their next call (tokenAccounts reads the row each time).
import {
  getUserByUsername,
  lockActiveAdmins,
  type SqlClient,
  updateUser,
  type UserRow,
} from "@updraft/store";
import { hashPassword } from "../auth/passwordHash";
import { notFound } from "../http/apiError";
import { assertAdminRemains } from "./assertAdminRemains";
import type { FabUserChanges } from "./fabUserChanges";

/** FAB's 404 detail for a user. */
export const userNotFound = (username: string): string =>
  `The User with username \`${username}\` was not found`;

/** Applies `changes` to `username`; ApiError NOT_FOUND or BAD_REQUEST (last Admin). */
export async function patchFabUser(
  client: SqlClient,
  username: string,
  changes: FabUserChanges,
): Promise<UserRow> {
  const { password, ...fields } = changes;
  const passwordHash = password === undefined ? undefined : await hashPassword(password);
  return client.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const target = await getUserByUsername(tx, { username });
    if (target === null) throw notFound(userNotFound(username));
    assertAdminRemains(admins, target, {
      role: fields.role ?? target.role,
      active: fields.active ?? target.active,
    });
    const updated = await updateUser(tx, {
      username,
      ...fields,
      ...(passwordHash === undefined ? {} : { passwordHash }),
    });
    if (updated === null) throw notFound(userNotFound(username));
    return updated;
  });
}
