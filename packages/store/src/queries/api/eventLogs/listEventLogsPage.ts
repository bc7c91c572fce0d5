// listEventLogsPage: one page of the audit log for GET /eventLogs, with Airflow's filters (exact
// dag_id, task_id, run_id, map_index, try_number, owner, event; events excluded or included;
// before/after as strict bounds on the time; ILIKE patterns), in the order asked for, with the
// number matching.
//   reads:   `log`, and `dag` / `serialized_dag` for the page's display names
//   locks:   none
//   returns: { eventLogs, totalEntries }, in the requested order (id breaking ties)
import type { SqlClient } from "../../../sqlClient";
import { isOrderKeyOf, type ListOrder, listOrderSql } from "../listOrderSql";
import { selectPage } from "../selectPage";
import {
  EVENT_LOG_DISPLAY_COLUMNS,
  eventLogDisplayJoins,
  type EventLogRow,
  eventLogFromRow,
} from "./eventLogRow";

/** What an event log list can be ordered by. */
export type EventLogOrderKey =
  "id" | "dttm" | "dag_id" | "task_id" | "run_id" | "event" | "owner" | "extra";

const ORDER_COLUMNS: Readonly<Record<EventLogOrderKey, string>> = {
  id: "f.id",
  dttm: "f.dttm",
  dag_id: "f.dag_id",
  task_id: "f.task_id",
  run_id: "f.run_id",
  event: "f.event",
  owner: "f.owner",
  extra: "f.extra",
};

/** Whether `value` names an EventLogOrderKey. */
export const isEventLogOrderKey = isOrderKeyOf(ORDER_COLUMNS);

/** The filters of an event log list; null (or omitted) filters nothing. */
export interface EventLogFilters {
  readonly dagId?: string | null;
  readonly taskId?: string | null;
  readonly runId?: string | null;
  readonly mapIndex?: number | null;
  readonly tryNumber?: number | null;
  readonly owner?: string | null;
  readonly event?: string | null;
  /** Entries of none of these events. */
  readonly excludedEvents?: readonly string[] | null;
  /** Entries of one of these events. */
  readonly includedEvents?: readonly string[] | null;
  /** Entries strictly before this time. */
  readonly before?: Date | null;
  /** Entries strictly after this time. */
  readonly after?: Date | null;
  /** ILIKE patterns (any of them matches), per column. */
  readonly dagIdPatterns?: readonly string[] | null;
  readonly taskIdPatterns?: readonly string[] | null;
  readonly runIdPatterns?: readonly string[] | null;
  readonly ownerPatterns?: readonly string[] | null;
  readonly eventPatterns?: readonly string[] | null;
}

/** Input of listEventLogsPage. */
export interface ListEventLogsPageInput extends EventLogFilters {
  /** @default by id */
  readonly orderBy?: readonly ListOrder<EventLogOrderKey>[];
  readonly limit: number;
  /** @default 0 */
  readonly offset?: number;
}

/** One page of the audit log. */
export interface EventLogsPageResult {
  readonly eventLogs: EventLogRow[];
  readonly totalEntries: number;
}

const FILTERED = `select * from log
  where ($1::text is null or dag_id = $1)
    and ($2::text is null or task_id = $2)
    and ($3::text is null or run_id = $3)
    and ($4::int is null or map_index = $4)
    and ($5::int is null or try_number = $5)
    and ($6::text is null or owner = $6)
    and ($7::text is null or event = $7)
    and ($8::text[] is null or event <> all($8::text[]))
    and ($9::text[] is null or event = any($9::text[]))
    and ($10::timestamptz is null or dttm < $10)
    and ($11::timestamptz is null or dttm > $11)
    and ($12::text[] is null or dag_id ilike any($12::text[]))
    and ($13::text[] is null or task_id ilike any($13::text[]))
    and ($14::text[] is null or run_id ilike any($14::text[]))
    and ($15::text[] is null or owner ilike any($15::text[]))
    and ($16::text[] is null or event ilike any($16::text[]))`;

/** Lists audit log entries. */
export async function listEventLogsPage(
  client: SqlClient,
  input: ListEventLogsPageInput,
): Promise<EventLogsPageResult> {
  const page = await selectPage(client, {
    filtered: FILTERED,
    params: [
      input.dagId ?? null,
      input.taskId ?? null,
      input.runId ?? null,
      input.mapIndex ?? null,
      input.tryNumber ?? null,
      input.owner ?? null,
      input.event ?? null,
      input.excludedEvents ?? null,
      input.includedEvents ?? null,
      input.before ?? null,
      input.after ?? null,
      input.dagIdPatterns ?? null,
      input.taskIdPatterns ?? null,
      input.runIdPatterns ?? null,
      input.ownerPatterns ?? null,
      input.eventPatterns ?? null,
    ],
    order: listOrderSql(ORDER_COLUMNS, input.orderBy ?? [], "id"),
    limit: input.limit,
    offset: input.offset ?? 0,
    columns: EVENT_LOG_DISPLAY_COLUMNS,
    joins: eventLogDisplayJoins("p"),
  });
  return { eventLogs: page.rows.map(eventLogFromRow), totalEntries: page.totalEntries };
}
