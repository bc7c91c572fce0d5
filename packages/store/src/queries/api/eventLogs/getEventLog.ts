// getEventLog: one audit log entry by id (GET /eventLogs/{event_log_id}).
//   reads:   `log` by primary key, with its DAG's display name
//   locks:   none
//   returns: the entry, or null when there is none
import type { SqlClient } from "../../../sqlClient";
import {
  EVENT_LOG_DISPLAY_COLUMNS,
  eventLogDisplayJoins,
  type EventLogRow,
  eventLogFromRow,
} from "./eventLogRow";

/** Reads one audit log entry. */
export async function getEventLog(
  client: SqlClient,
  input: { readonly id: number },
): Promise<EventLogRow | null> {
  const result = await client.query(
    `select l.*, ${EVENT_LOG_DISPLAY_COLUMNS}
     from log l ${eventLogDisplayJoins("l")}
     where l.id = $1`,
    [input.id],
  );
  const row = result.rows[0];
  return row === undefined ? null : eventLogFromRow(row);
}
