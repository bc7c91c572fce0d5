// setXcom: pushes one XCom (Airflow's xcom_push), replacing the value under the same identity.
//   writes:  upserts `xcom` on (dag_run_id, task_id, map_index, key); dag_run_id looked up from
//            (dag_id, run_id) in the same statement
//   locks:   the xcom row; key-share lock on the dag_run row (foreign key) until commit
//   returns: the stored XCom; NOT_FOUND when the DAG run does not exist
import { StoreError } from "../../storeError";
import { type XcomRow, xcomFromRow } from "../../rows/xcomRow";
import type { SqlClient } from "../../sqlClient";

/** Input of setXcom. */
export interface SetXcomInput {
  readonly dagId: string;
  readonly runId: string;
  readonly taskId: string;
  /** @default -1 */
  readonly mapIndex?: number;
  /** Airflow's default key is "return_value". */
  readonly key: string;
  /** Any JSON-serialisable value (undefined is stored as null). */
  readonly value: unknown;
  /** The push time; the database clock when omitted. */
  readonly now?: Date;
}

/** The JSON text of an XCom value, or INVALID_INPUT naming what is wrong with it. */
function toJson(input: SetXcomInput): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(input.value ?? null);
  } catch (error) {
    throw new StoreError(
      "INVALID_INPUT",
      `xcom value of ${input.taskId}/${input.key}: expected a JSON-serialisable value (${String(error)})`,
      { cause: error },
    );
  }
  if (json === undefined)
    throw new StoreError(
      "INVALID_INPUT",
      `xcom value of ${input.taskId}/${input.key}: expected a JSON-serialisable value, got ${typeof input.value}`,
    );
  return json;
}

/** Stores an XCom for a task instance of an existing run (last write wins). */
export async function setXcom(client: SqlClient, input: SetXcomInput): Promise<XcomRow> {
  const json = toJson(input);
  const result = await client.query(
    `insert into xcom (dag_run_id, task_id, map_index, key, dag_id, run_id, value, timestamp)
     select r.id, $3, $4, $5, r.dag_id, r.run_id, $6::jsonb, coalesce($7::timestamptz, now())
     from dag_run r where r.dag_id = $1 and r.run_id = $2
     on conflict (dag_run_id, task_id, map_index, key)
       do update set value = excluded.value, timestamp = excluded.timestamp
     returning dag_id, run_id, task_id, map_index, key, value, timestamp`,
    [
      input.dagId,
      input.runId,
      input.taskId,
      input.mapIndex ?? -1,
      input.key,
      json,
      input.now ?? null,
    ],
  );
  const row = result.rows[0];
  if (row === undefined)
    throw new StoreError(
      "NOT_FOUND",
      `setXcom: DAG run ${input.dagId}/${input.runId} does not exist`,
      { details: { dagId: input.dagId, runId: input.runId } },
    );
  return xcomFromRow(row);
}
