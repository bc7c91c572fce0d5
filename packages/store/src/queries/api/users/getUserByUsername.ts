// getUserByUsername: one user as the users API shows them (no password hash).
//   reads:   the `ab_user` row with this username (unique index)
//   locks:   none
//   returns: the user, or null when there is none
import type { SqlClient } from "../../../sqlClient";
import { USER_COLUMNS, type UserRow, userFromRow } from "./userRow";

/** Reads a user by username; null when there is none. */
export async function getUserByUsername(
  client: SqlClient,
  input: { readonly username: string },
): Promise<UserRow | null> {
  const result = await client.query(`select ${USER_COLUMNS} from ab_user where username = $1`, [
    input.username,
  ]);
  const row = result.rows[0];
  return row === undefined ? null : userFromRow(row);
}
