// listConnections: one page of connections, with the total.
//   reads:   `connection`, conn_ids matching an SQL LIKE pattern when given
//   locks:   none
//   returns: { connections (as stored, passwords included), totalEntries }, ordered by id
import { type ConnectionRow, connectionFromRow } from "../../rows/connectionRow";
import type { SqlClient } from "../../sqlClient";

/** Input of listConnections. */
export interface ListConnectionsInput {
  /** SQL LIKE pattern (`%`, `_`) on conn_id (the API's connection_id_pattern). */
  readonly connIdPattern?: string;
  /** @default 50 */
  readonly limit?: number;
  /** @default 0 */
  readonly offset?: number;
}

/** One page of connections. */
export interface ConnectionsPage {
  readonly connections: ConnectionRow[];
  readonly totalEntries: number;
}

/** Lists connections. */
export async function listConnections(
  client: SqlClient,
  input: ListConnectionsInput = {},
): Promise<ConnectionsPage> {
  const result = await client.query(
    `with filtered as (select * from connection where $1::text is null or conn_id like $1),
     page as (select * from filtered order by id limit $2 offset $3)
     select t.total, page.*
     from (select count(*)::int as total from filtered) t left join page on true
     order by page.id`,
    [input.connIdPattern ?? null, input.limit ?? 50, input.offset ?? 0],
  );
  return {
    connections: result.rows.filter((r) => r.id !== null).map(connectionFromRow),
    totalEntries: Number(result.rows[0]?.total ?? 0),
  };
}
