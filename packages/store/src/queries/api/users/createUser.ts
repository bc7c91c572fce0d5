// createUser: stores a new API user with an already hashed password (the store never sees one
// in clear).
//   writes:  inserts one `ab_user` row (on conflict on username: nothing)
//   locks:   the new row until commit
//   returns: the user; null when the username is taken
import type { SqlClient } from "../../../sqlClient";
import { USER_COLUMNS, type UserRow, userFromRow } from "./userRow";

/** Input of createUser; omitted names and email are stored as null. */
export interface CreateUserInput {
  readonly username: string;
  readonly role: string;
  /** `scrypt$N$r$p$salt$hash`, as the API's hashPassword makes it. */
  readonly passwordHash: string;
  readonly firstName?: string | null;
  readonly lastName?: string | null;
  readonly email?: string | null;
  /** @default true */
  readonly active?: boolean;
}

/** Creates a user; null when one with this username exists. */
export async function createUser(
  client: SqlClient,
  input: CreateUserInput,
): Promise<UserRow | null> {
  const result = await client.query(
    `insert into ab_user (username, role, password_hash, first_name, last_name, email, active)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (username) do nothing
     returning ${USER_COLUMNS}`,
    [
      input.username,
      input.role,
      input.passwordHash,
      input.firstName ?? null,
      input.lastName ?? null,
      input.email ?? null,
      input.active ?? true,
    ],
  );
  const row = result.rows[0];
  return row === undefined ? null : userFromRow(row);
}
