// lockActiveAdmins: the users who can administer, locked, so a change that would leave nobody
// able to (two Admins demoting each other at once) is decided on what is committed: the second
// transaction waits for the first and then sees its result.
//   reads:   the `ab_user` rows with role Admin that are active (idx_ab_user_admin)
//   locks:   those rows (for update) until the caller's transaction ends
//   returns: their usernames, by id
import type { SqlClient } from "../../../sqlClient";

/** Locks and lists the active Admins; run it inside a transaction. */
export async function lockActiveAdmins(client: SqlClient): Promise<string[]> {
  const result = await client.query<{ username: string }>(
    "select username from ab_user where role = 'Admin' and active order by id for update",
  );
  return result.rows.map((row) => row.username);
}
