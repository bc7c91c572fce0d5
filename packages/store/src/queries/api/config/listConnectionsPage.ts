// listConnectionsPage: one page of connections for GET /connections, in the order asked for,
// with the number matching (listConnections has one fixed order and an exact LIKE).
//   reads:   `connection`, conn_ids matching any of the ILIKE patterns when given
//   locks:   none
//   returns: { connections (as stored, passwords included: the API masks them), totalEntries },
//            in the requested order, id breaking ties
import { type ConnectionRow, connectionFromRow } from "../../../rows/connectionRow";
import type { SqlClient } from "../../../sqlClient";
import { type ConfigOrder, configOrderSql } from "./configOrder";

/** What a connection list can be ordered by. */
export type ConnectionOrderKey = "id" | "conn_id" | "conn_type" | "description" | "host" | "port";

const ORDER_COLUMNS: Readonly<Record<ConnectionOrderKey, string>> = {
  id: "c.id",
  conn_id: "c.conn_id",
  conn_type: "c.conn_type",
  description: "c.description",
  host: "c.host",
  port: "c.port",
};

/** Whether `value` names a ConnectionOrderKey. */
export const isConnectionOrderKey = (value: string): value is ConnectionOrderKey =>
  Object.hasOwn(ORDER_COLUMNS, value);

/** Input of listConnectionsPage. */
export interface ListConnectionsPageInput {
  /** ILIKE patterns on conn_id; any of them matches. */
  readonly connIdPatterns?: readonly string[] | null;
  /** @default by id */
  readonly orderBy?: readonly ConfigOrder<ConnectionOrderKey>[];
  readonly limit: number;
  /** @default 0 */
  readonly offset?: number;
}

/** One page of connections. */
export interface ConnectionsPageResult {
  readonly connections: ConnectionRow[];
  readonly totalEntries: number;
}

/** Lists connections. */
export async function listConnectionsPage(
  client: SqlClient,
  input: ListConnectionsPageInput,
): Promise<ConnectionsPageResult> {
  const order = configOrderSql(ORDER_COLUMNS, input.orderBy ?? [], "id");
  const result = await client.query(
    `with filtered as (
       select * from connection where $1::text[] is null or conn_id ilike any($1::text[])
     ),
     page as (
       select c.*, row_number() over (order by ${order}) as ordinal
       from filtered c order by ${order} limit $2 offset $3
     )
     select t.total, p.*
     from (select count(*)::int as total from filtered) t left join page p on true
     order by p.ordinal`,
    [input.connIdPatterns ?? null, input.limit, input.offset ?? 0],
  );
  return {
    connections: result.rows.filter((r) => r.id !== null).map(connectionFromRow),
    totalEntries: Number(result.rows[0]?.total ?? 0),
  };
}
