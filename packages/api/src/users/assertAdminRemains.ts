// The users API never leaves the instance without an active Admin (nobody could manage users
// again but from the CLI): a change that demotes, deactivates or deletes the last one is
// refused. Decided over the locked list of active Admins (lockActiveAdmins), so two Admins
// demoting each other at once cannot both succeed.
import type { UserRow } from "@updraft/store";
import { badRequest } from "../http/apiError";

/** What the user will be after the change; null when deleted. */
export interface UserAfter {
  readonly role: string;
  readonly active: boolean;
}

/** Throws ApiError BAD_REQUEST when `target` becoming `after` leaves no active Admin. */
export function assertAdminRemains(
  activeAdmins: readonly string[],
  target: UserRow,
  after: UserAfter | null,
): void {
  const isActiveAdmin = activeAdmins.includes(target.username);
  const staysActiveAdmin = after !== null && after.role === "Admin" && after.active;
  if (isActiveAdmin && !staysActiveAdmin && activeAdmins.length <= 1)
    throw badRequest(
      `\`${target.username}\` is the last active Admin: make another user an active Admin first`,
    );
}
