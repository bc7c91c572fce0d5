// hasAdminUser: whether any user has the Admin role.
//   reads:   one `ab_user` row with role Admin, if any (idx_ab_user_admin)
//   locks:   none
//   returns: true when there is one
import type { SqlClient } from "../../../sqlClient";

/** Whether an Admin user exists. */
export async function hasAdminUser(client: SqlClient): Promise<boolean> {
  const result = await client.query<{ found: boolean }>(
    "select exists (select 1 from ab_user where role = 'Admin') as found",
  );
  return result.rows[0]?.found === true;
}
