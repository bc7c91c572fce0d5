// listDagTags: one page of the distinct tag names DAGs carry (GET /dagTags), with their number.
//   reads:   `dag_tag`, names matching any of the ILIKE patterns when given
//   locks:   none
//   returns: { tags, totalEntries }, tags ordered by name
import type { SqlClient } from "../../../sqlClient";

/** Input of listDagTags. */
export interface ListDagTagsInput {
  /** ILIKE patterns on the tag name; any of them. */
  readonly namePatterns?: readonly string[] | null;
  /** @default false */
  readonly descending?: boolean;
  readonly limit: number;
  /** @default 0 */
  readonly offset?: number;
}

/** One page of tag names. */
export interface DagTagsPage {
  readonly tags: string[];
  readonly totalEntries: number;
}

/** Lists distinct tag names. */
export async function listDagTags(
  client: SqlClient,
  input: ListDagTagsInput,
): Promise<DagTagsPage> {
  const direction = input.descending === true ? "desc" : "asc";
  const result = await client.query<{ total: number; name: string | null }>(
    `with names as (
       select distinct name from dag_tag where $1::text[] is null or name ilike any($1::text[])
     ),
     page as (select name from names order by name ${direction} limit $2 offset $3)
     select t.total, p.name
     from (select count(*)::int as total from names) t left join page p on true
     order by p.name ${direction}`,
    [input.namePatterns ?? null, input.limit, input.offset ?? 0],
  );
  return {
    tags: result.rows.flatMap((r) => (r.name === null ? [] : [r.name])),
    totalEntries: Number(result.rows[0]?.total ?? 0),
  };
}
