// Contract of the SqlClient itself, run on Postgres and on PGlite: transaction options.
import type { SqlClient } from "../../src/sqlClient";

const planner = async (client: SqlClient) =>
  (
    await client.query<{ seq: string; bitmap: string }>(
      "select current_setting('enable_seqscan') as seq, current_setting('enable_bitmapscan') as bitmap",
    )
  ).rows[0];

/** The SqlClient contract. */
export function describeSqlClientContract(getClient: () => SqlClient): void {
  describe("sql client", () => {
    test("a transaction with indexScansOnly plans without sequential or bitmap scans, and only inside", async () => {
      const client = getClient();
      const inside = await client.transaction((tx) => planner(tx), { indexScansOnly: true });
      expect(inside).toEqual({ seq: "off", bitmap: "off" });
      expect(await planner(client)).toEqual({ seq: "on", bitmap: "on" });
      expect(await client.transaction((tx) => planner(tx))).toEqual({ seq: "on", bitmap: "on" });
    });
  });
}
