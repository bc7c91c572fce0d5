// getDagResponseRow: one DAG as the REST API shows it (GET /dags/{dag_id}, PATCH's answer).
//   reads:   the `dag` row by primary key, its `dag_tag` rows, the display name from
//            `serialized_dag` (one JSON path, not the whole document)
//   locks:   none
//   returns: the DAG, or null when there is none
import type { SqlClient } from "../../../sqlClient";
import {
  DAG_DISPLAY_NAME_SQL,
  type DagResponseRow,
  dagResponseFromRow,
  dagTagsSql,
} from "./dagResponseRow";

/** Reads one DAG by id. */
export async function getDagResponseRow(
  client: SqlClient,
  input: { readonly dagId: string },
): Promise<DagResponseRow | null> {
  const result = await client.query(
    `select d.*, ${DAG_DISPLAY_NAME_SQL} as dag_display_name,
            sd.dag_id is not null as is_serialized, ${dagTagsSql("d")} as tags
     from dag d left join serialized_dag sd on sd.dag_id = d.dag_id
     where d.dag_id = $1`,
    [input.dagId],
  );
  const row = result.rows[0];
  return row === undefined ? null : dagResponseFromRow(row);
}
