// How the worker's batched compare-and-sets find their rows. The keys come as one JSON batch,
// which the planner guesses at 100 rows whatever its size; joined to the update directly, that
// guess made it read "every instance in state queued / running" through the partial state index
// and hash-join it to the keys. Those index entries are mostly dead row versions until the next
// vacuum (a bitmap scan never marks them dead), so claiming a single try read thousands of rows.
// Here each key probes the unique key (dag_id, run_id, task_id, map_index) on its own (a lateral
// subquery with a limit is not flattened into a join), and the update takes the ids found as an
// array, a primary-key lookup of just those rows. The id never changes, so a concurrent update
// of a row still meets the usual re-check of the update's conditions on its newest version.
// The state compare-and-set is spelled so that no index matches it: the statistics say almost
// no instance is queued or running, so given the partial state index the planner scans it again.

/** The `found` CTE: the `input` CTE's rows with the id of their task instance (`found_id`). */
export const FOUND_BY_KEY = `found as materialized (
       select k.*, t.found_id from input k
       cross join lateral (
         select ti.id as found_id from task_instance ti
         where ti.dag_id = k.dag_id and ti.run_id = k.run_id and ti.task_id = k.task_id
           and ti.map_index = k.map_index
         limit 1
       ) t
     )`;

/** The update's join to `found k`: by the ids found, as one array (see above). */
export const BY_FOUND_ID = `ti.id = any (array(select found_id from found))
         and ti.id = k.found_id`;

/**
 * `<alias>.state = '<state>'`, spelled so that no index matches it: for a statement that has
 * already found its rows by id, where statistics that see (almost) no instance in that state
 * would otherwise send the planner through the state's partial index instead.
 */
export function stateIsUnindexed(alias: string, state: "scheduled" | "queued" | "running"): string {
  return `coalesce(${alias}.state, '') = '${state}'`;
}
