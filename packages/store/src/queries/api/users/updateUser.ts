// updateUser: changes the given fields of one user (PATCH /auth/fab/v1/users/{username}):
// omitted fields keep their value, null clears a name or the email; a password arrives hashed.
//   writes:  updates the `ab_user` row with this username; only the columns below, values bound
//   locks:   that row until commit
//   returns: the updated user (no password hash); null when there is none
import type { SqlClient } from "../../../sqlClient";
import { USER_COLUMNS, type UserRow, userFromRow } from "./userRow";

/** Input of updateUser: the user and the fields to change. */
export interface UpdateUserInput {
  readonly username: string;
  readonly role?: string;
  readonly firstName?: string | null;
  readonly lastName?: string | null;
  readonly email?: string | null;
  readonly active?: boolean;
  /** `scrypt$N$r$p$salt$hash`, as the API's hashPassword makes it. */
  readonly passwordHash?: string;
}

type Field = Exclude<keyof UpdateUserInput, "username">;

const COLUMNS: readonly (readonly [Field, string])[] = [
  ["role", "role"],
  ["firstName", "first_name"],
  ["lastName", "last_name"],
  ["email", "email"],
  ["active", "active"],
  ["passwordHash", "password_hash"],
];

/** Updates a user; null when there is no such user. */
export async function updateUser(
  client: SqlClient,
  input: UpdateUserInput,
): Promise<UserRow | null> {
  const params: unknown[] = [input.username];
  const sets: string[] = [];
  for (const [field, column] of COLUMNS) {
    const value = input[field];
    if (value === undefined) continue;
    params.push(value);
    sets.push(`"${column}" = $${params.length}`);
  }
  const result = await client.query(
    `update ab_user set ${sets.length === 0 ? "username = username" : sets.join(", ")}
     where username = $1 returning ${USER_COLUMNS}`,
    params,
  );
  const row = result.rows[0];
  return row === undefined ? null : userFromRow(row);
}
