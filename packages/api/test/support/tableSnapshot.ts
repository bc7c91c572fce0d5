// The rows of the tables a request could write, read before and after it: equal snapshots show
// that a refused (or dry-run) request changed nothing.
import type { SqlClient } from "@updraft/store";

/** The rows each of `queries` (selects with an `order by`, so that reads compare) returns. */
export async function tableSnapshot(
  client: SqlClient,
  ...queries: readonly string[]
): Promise<unknown[][]> {
  const snapshot: unknown[][] = [];
  for (const query of queries) snapshot.push((await client.query(query)).rows);
  return snapshot;
}
