// recordAuditEvent: appends one entry to the audit log (Airflow's `log` table, shown as event
// logs: who triggered, paused, cleared or changed what).
//   writes:  inserts one `log` row
//   locks:   none beyond the new row
//   returns: the entry's id
import type { SqlClient } from "../../sqlClient";

/** Input of recordAuditEvent; omitted fields are stored as null. */
export interface RecordAuditEventInput {
  /** What happened, e.g. "trigger", "paused", "clear", "variable.edit". */
  readonly event: string;
  readonly dagId?: string | null;
  readonly taskId?: string | null;
  readonly runId?: string | null;
  readonly mapIndex?: number | null;
  readonly tryNumber?: number | null;
  /** The user (or "scheduler", "cli"). */
  readonly owner?: string | null;
  /** Free text, or a JSON object stored as its text. */
  readonly extra?: string | Readonly<Record<string, unknown>> | null;
  /** The event time; the database clock when omitted. */
  readonly dttm?: Date;
}

/** Records an audit event; returns its id. */
export async function recordAuditEvent(
  client: SqlClient,
  input: RecordAuditEventInput,
): Promise<number> {
  const extra =
    typeof input.extra === "object" && input.extra !== null
      ? JSON.stringify(input.extra)
      : (input.extra ?? null);
  const result = await client.query<{ id: unknown }>(
    `insert into log (dttm, dag_id, task_id, map_index, event, run_id, owner, extra, try_number)
     values (coalesce($1::timestamptz, now()), $2, $3, $4, $5, $6, $7, $8, $9)
     returning id`,
    [
      input.dttm ?? null,
      input.dagId ?? null,
      input.taskId ?? null,
      input.mapIndex ?? null,
      input.event,
      input.runId ?? null,
      input.owner ?? null,
      extra,
      input.tryNumber ?? null,
    ],
  );
  return Number(result.rows[0]!.id);
}
