// listUsers: every user, without password hashes (`updraft users list`).
//   reads:   `ab_user`
//   locks:   none
//   returns: the users ordered by username
import type { SqlClient } from "../../../sqlClient";
import { USER_COLUMNS, type UserRow, userFromRow } from "./userRow";

/** Lists the users by username. */
export async function listUsers(client: SqlClient): Promise<UserRow[]> {
  const result = await client.query(`select ${USER_COLUMNS} from ab_user order by username`);
  return result.rows.map(userFromRow);
}
