// setTaskInstanceNote: the note of task instances (Airflow's task instance note, set from the API
// or the UI).
//   locks:   the updated `task_instance` rows (one statement)
//   writes:  note, updated_at = now
//   returns: how many task instances were updated
import type { SqlClient } from "../../../sqlClient";

/** Input of setTaskInstanceNote. */
export interface SetTaskInstanceNoteInput {
  /** task_instance ids. */
  readonly ids: readonly string[];
  /** null removes the note. */
  readonly note: string | null;
}

/** Sets the note of the given task instances. */
export async function setTaskInstanceNote(
  client: SqlClient,
  input: SetTaskInstanceNoteInput,
): Promise<number> {
  if (input.ids.length === 0) return 0;
  const result = await client.query(
    `update task_instance set note = $2, updated_at = now() where id = any($1::uuid[])`,
    [input.ids, input.note],
  );
  return result.rowCount;
}
