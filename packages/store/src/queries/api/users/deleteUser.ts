// deleteUser: deletes one user by username; the tokens they hold stop working at once.
//   writes:  deletes the `ab_user` row with this username
//   locks:   that row until commit
//   returns: the deleted user; null when there is none
import type { SqlClient } from "../../../sqlClient";
import { USER_COLUMNS, type UserRow, userFromRow } from "./userRow";

/** Deletes a user; null when there is no such user. */
export async function deleteUser(
  client: SqlClient,
  input: { readonly username: string },
): Promise<UserRow | null> {
  const result = await client.query(
    `delete from ab_user where username = $1 returning ${USER_COLUMNS}`,
    [input.username],
  );
  const row = result.rows[0];
  return row === undefined ? null : userFromRow(row);
}
