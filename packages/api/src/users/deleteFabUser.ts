// The write of DELETE /auth/fab/v1/users/{username}: in one transaction the active Admins
// locked, the last-Admin rule checked and the row deleted; the user's tokens stop working on
// their next call.
import { deleteUser, getUserByUsername, lockActiveAdmins, type SqlClient } from "@updraft/store";
import { notFound } from "../http/apiError";
import { assertAdminRemains } from "./assertAdminRemains";
import { userNotFound } from "./patchFabUser";

/** Deletes `username`; ApiError NOT_FOUND or BAD_REQUEST (last Admin). */
export async function deleteFabUser(client: SqlClient, username: string): Promise<void> {
  await client.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const target = await getUserByUsername(tx, { username });
    if (target === null) throw notFound(userNotFound(username));
    assertAdminRemains(admins, target, null);
    if ((await deleteUser(tx, { username })) === null) throw notFound(userNotFound(username));
  });
}
