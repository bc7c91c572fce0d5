// listDagRuns: a page of DAG runs, newest first.
//   locks:   nothing
//   returns: runs ordered by run_after desc, id desc
import type { DagRunState } from "@updraft/sdk";
import { type DagRunRow, dagRunFromRow } from "../../rows/dagRunRow";
import type { SqlClient } from "../../sqlClient";

/** Input of listDagRuns. */
export interface ListDagRunsInput {
  /** Only runs of this DAG; all DAGs when omitted. */
  readonly dagId?: string;
  /** Only runs in one of these states; any state when omitted. */
  readonly states?: readonly DagRunState[];
  readonly limit: number;
  /** @default 0 */
  readonly offset?: number;
}

/** Lists DAG runs, newest run_after first. */
export async function listDagRuns(
  client: SqlClient,
  input: ListDagRunsInput,
): Promise<DagRunRow[]> {
  const result = await client.query(
    `select * from dag_run
     where ($1::text is null or dag_id = $1) and ($2::text[] is null or state = any($2::text[]))
     order by run_after desc, id desc
     limit $3 offset $4`,
    [input.dagId ?? null, input.states ?? null, input.limit, input.offset ?? 0],
  );
  return result.rows.map(dagRunFromRow);
}
