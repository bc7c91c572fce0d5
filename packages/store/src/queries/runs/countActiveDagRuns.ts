// countActiveDagRuns: queued and running runs per DAG (for max_active_runs and the UI).
//   locks:   nothing (a snapshot; startQueuedDagRuns re-checks the cap under lock)
//   returns: { [dagId]: { queued, running } } for DAGs with at least one active run
import type { SqlClient } from "../../sqlClient";

/** Active runs of one DAG. */
export interface ActiveDagRunCount {
  readonly queued: number;
  readonly running: number;
}

/** Counts queued and running runs per DAG, optionally for some DAGs only. */
export async function countActiveDagRuns(
  client: SqlClient,
  input: { dagIds?: readonly string[] } = {},
): Promise<Record<string, ActiveDagRunCount>> {
  const result = await client.query<{ dag_id: string; queued: number; running: number }>(
    `select dag_id,
       count(*) filter (where state = 'queued')::int as queued,
       count(*) filter (where state = 'running')::int as running
     from dag_run
     where state in ('queued', 'running') and ($1::text[] is null or dag_id = any($1::text[]))
     group by dag_id`,
    [input.dagIds ?? null],
  );
  return Object.fromEntries(
    result.rows.map((r) => [r.dag_id, { queued: Number(r.queued), running: Number(r.running) }]),
  );
}
