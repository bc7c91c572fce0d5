// listConnectionsPage: one page of connections for GET /connections, in the order asked for,
// with the number matching (listConnections has one fixed order and an exact LIKE).
//   reads:   `connection`, conn_ids matching any of the ILIKE patterns when given
//   locks:   none
//   returns: { connections (as stored, passwords included: the API masks them), totalEntries },
//            in the requested order, id breaking ties
import { type ConnectionRow, connectionFromRow } from "../../../rows/connectionRow";
import type { SqlClient } from "../../../sqlClient";
import { isOrderKeyOf, type ListOrder, listOrderSql } from "../listOrderSql";
import { selectPage } from "../selectPage";

/** What a connection list can be ordered by. */
export type ConnectionOrderKey = "id" | "conn_id" | "conn_type" | "description" | "host" | "port";

const ORDER_COLUMNS: Readonly<Record<ConnectionOrderKey, string>> = {
  id: "f.id",
  conn_id: "f.conn_id",
  conn_type: "f.conn_type",
  description: "f.description",
  host: "f.host",
  port: "f.port",
};

/** Whether `value` names a ConnectionOrderKey. */
export const isConnectionOrderKey = isOrderKeyOf(ORDER_COLUMNS);

/** Input of listConnectionsPage. */
export interface ListConnectionsPageInput {
  /** ILIKE patterns on conn_id; any of them matches. */
  readonly connIdPatterns?: readonly string[] | null;
  /** @default by id */
  readonly orderBy?: readonly ListOrder<ConnectionOrderKey>[];
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
  const page = await selectPage(client, {
    filtered: "select * from connection where $1::text[] is null or conn_id ilike any($1::text[])",
    params: [input.connIdPatterns ?? null],
    order: listOrderSql(ORDER_COLUMNS, input.orderBy ?? [], "id"),
    limit: input.limit,
    offset: input.offset ?? 0,
  });
  return { connections: page.rows.map(connectionFromRow), totalEntries: page.totalEntries };
}
