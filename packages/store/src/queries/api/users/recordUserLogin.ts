// recordUserLogin: stamps a successful login.
//   writes:  ab_user.last_login = now() of the user with this id
//   locks:   that row until commit
//   returns: nothing
import type { SqlClient } from "../../../sqlClient";

/** Sets the user's last_login to now. */
export async function recordUserLogin(
  client: SqlClient,
  input: { readonly id: number },
): Promise<void> {
  await client.query("update ab_user set last_login = now() where id = $1", [input.id]);
}
