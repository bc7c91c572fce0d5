// xcomListLengths: how long the lists are that a mapped task expands over (Airflow's task_map
// lengths), read from the upstream XComs of one run.
//   reads:   `xcom` of the run for the referenced (task_id, key) pairs
//   locks:   none
//   returns: per reference, in input order: the array length of an unmapped upstream's value,
//            the number of pushed values of a mapped upstream, "not_a_list" when the value is not
//            an array, or null when nothing was pushed
import type { SqlClient } from "../../sqlClient";

/** One XCom reference (the upstream task id and the key). */
export interface XcomRef {
  readonly taskId: string;
  readonly key: string;
}

/** Reads the lengths of referenced XCom lists of one run. */
export async function xcomListLengths(
  client: SqlClient,
  input: { readonly dagId: string; readonly runId: string; readonly refs: readonly XcomRef[] },
): Promise<(number | "not_a_list" | null)[]> {
  if (input.refs.length === 0) return [];
  const result = await client.query<{
    ord: number;
    unmapped: unknown;
    kind: string | null;
    n: number;
  }>(
    `with r as (
       select * from jsonb_to_recordset($3::jsonb) as r(task_id text, key text, ord int)
     )
     select r.ord,
       (select jsonb_typeof(x.value) from xcom x where x.dag_id = $1 and x.run_id = $2
          and x.task_id = r.task_id and x.key = r.key and x.map_index = -1) as kind,
       (select case when jsonb_typeof(x.value) = 'array' then jsonb_array_length(x.value) end
          from xcom x where x.dag_id = $1 and x.run_id = $2
          and x.task_id = r.task_id and x.key = r.key and x.map_index = -1) as unmapped,
       (select count(*)::int from xcom x where x.dag_id = $1 and x.run_id = $2
          and x.task_id = r.task_id and x.key = r.key and x.map_index >= 0) as n
     from r order by r.ord`,
    [
      input.dagId,
      input.runId,
      JSON.stringify(input.refs.map((ref, ord) => ({ task_id: ref.taskId, key: ref.key, ord }))),
    ],
  );
  return result.rows.map((row) => {
    if (row.kind !== null) return row.kind === "array" ? Number(row.unmapped) : "not_a_list";
    return Number(row.n) > 0 ? Number(row.n) : null;
  });
}
