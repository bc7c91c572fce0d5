// createFirstAdminUser: creates an Admin user only while there is none (standalone's first
// start), in one statement so two processes starting at once create at most one.
//   reads:   whether any `ab_user` row has role Admin (idx_ab_user_admin)
//   writes:  inserts one `ab_user` row with role Admin when none has it (on conflict on
//            username: nothing)
//   locks:   the new row until commit
//   returns: the user; null when an Admin exists or the username is taken
import type { SqlClient } from "../../../sqlClient";
import { USER_COLUMNS, type UserRow, userFromRow } from "./userRow";

/** Input of createFirstAdminUser. */
export interface CreateFirstAdminUserInput {
  readonly username: string;
  /** `scrypt$N$r$p$salt$hash`. */
  readonly passwordHash: string;
}

/** Creates the first Admin; null when there already is one (or the name is taken). */
export async function createFirstAdminUser(
  client: SqlClient,
  input: CreateFirstAdminUserInput,
): Promise<UserRow | null> {
  const result = await client.query(
    `insert into ab_user (username, role, password_hash)
     select $1, 'Admin', $2
     where not exists (select 1 from ab_user where role = 'Admin')
     on conflict (username) do nothing
     returning ${USER_COLUMNS}`,
    [input.username, input.passwordHash],
  );
  const row = result.rows[0];
  return row === undefined ? null : userFromRow(row);
}
