// markStaleDags: after a full parse of a DAGs folder, flags the DAGs that folder no longer defines.
//   writes:  dag.is_stale = true where fileloc is under `folder` and dag_id is not in `dagIds`
//   locks:   the updated `dag` rows (one statement)
//   returns: the dag_ids newly marked stale, sorted
import type { SqlClient } from "../../sqlClient";

/** Input of markStaleDags. */
export interface MarkStaleDagsInput {
  /** The parsed folder; a DAG is in it when its fileloc starts with `folder` + "/". */
  readonly folder: string;
  /** Every dag_id the parse found in the folder. */
  readonly dagIds: readonly string[];
}

/** Marks DAGs under `folder` that the last parse did not find as stale. */
export async function markStaleDags(
  client: SqlClient,
  input: MarkStaleDagsInput,
): Promise<string[]> {
  const prefix = /[/\\]$/.test(input.folder) ? input.folder : `${input.folder}/`;
  const result = await client.query<{ dag_id: string }>(
    `update dag set is_stale = true
     where not is_stale and starts_with(fileloc, $1) and not (dag_id = any($2::text[]))
     returning dag_id`,
    [prefix, input.dagIds],
  );
  return result.rows.map((r) => r.dag_id).sort();
}
