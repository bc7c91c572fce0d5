// getUserById: the account behind a login token, read on every API call so a deleted or
// deactivated user's tokens stop working at once.
//   reads:   the `ab_user` row with this id (primary key)
//   locks:   none
//   returns: the user, or null when there is none
import type { SqlClient } from "../../../sqlClient";
import { USER_COLUMNS, type UserRow, userFromRow } from "./userRow";

/** Reads a user by id; null when there is none. */
export async function getUserById(
  client: SqlClient,
  input: { readonly id: number },
): Promise<UserRow | null> {
  const result = await client.query(`select ${USER_COLUMNS} from ab_user where id = $1`, [
    input.id,
  ]);
  const row = result.rows[0];
  return row === undefined ? null : userFromRow(row);
}
