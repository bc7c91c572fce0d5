// getUserCredentials: what the login checks — the one query that reads a password hash.
//   reads:   the `ab_user` row with this username (unique index)
//   locks:   none
//   returns: the user and their password hash, or null when there is none
import type { SqlClient } from "../../../sqlClient";
import { USER_COLUMNS, type UserRow, userFromRow } from "./userRow";

/** A user with their password hash (for the login only; never returned by the API). */
export interface UserCredentials {
  readonly user: UserRow;
  /** `scrypt$N$r$p$salt$hash`. */
  readonly passwordHash: string;
}

/** Reads a user's credentials by username; null when there is no such user. */
export async function getUserCredentials(
  client: SqlClient,
  input: { readonly username: string },
): Promise<UserCredentials | null> {
  const result = await client.query(
    `select ${USER_COLUMNS}, password_hash from ab_user where username = $1`,
    [input.username],
  );
  const row = result.rows[0];
  return row === undefined
    ? null
    : { user: userFromRow(row), passwordHash: row.password_hash as string };
}
