// setUserActive: activates or deactivates a user (an inactive one cannot log in, and the
// tokens they hold stop working).
//   writes:  ab_user.active of the user with this username
//   locks:   that row until commit
//   returns: the user; null when there is none
import type { SqlClient } from "../../../sqlClient";
import { USER_COLUMNS, type UserRow, userFromRow } from "./userRow";

/** Input of setUserActive. */
export interface SetUserActiveInput {
  readonly username: string;
  readonly active: boolean;
}

/** Sets whether a user is active; null when there is no such user. */
export async function setUserActive(
  client: SqlClient,
  input: SetUserActiveInput,
): Promise<UserRow | null> {
  const result = await client.query(
    `update ab_user set active = $2 where username = $1 returning ${USER_COLUMNS}`,
    [input.username, input.active],
  );
  const row = result.rows[0];
  return row === undefined ? null : userFromRow(row);
}
