// listConnectionPasswords: the passwords of the stored connections, so that what the API returns
// from task logs can be redacted once more (the worker masks what it knows when it writes; a
// password it never saw, or one stored after the line was written, would otherwise show).
//   reads:   `connection.password` where set
//   locks:   none
//   returns: the distinct non-empty passwords
import type { SqlClient } from "../../../sqlClient";

/** Every distinct non-empty connection password. */
export async function listConnectionPasswords(client: SqlClient): Promise<string[]> {
  const result = await client.query<{ password: string }>(
    `select distinct password from connection where password is not null and password <> ''`,
  );
  return result.rows.map((row) => row.password);
}
