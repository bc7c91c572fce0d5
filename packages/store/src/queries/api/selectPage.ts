// selectPage: one page of a REST API list and the number of rows matching, in one statement —
// the shape the list queries share: the matching rows once, the page numbered in its order,
// the count beside it (a page past the end still answers the count).
//   reads:   what `filtered` reads, and what `joins` add for the page's rows
//   locks:   none
//   returns: { rows (the page's, in `order`), totalEntries }
import type { Row, SqlClient } from "../../sqlClient";

/** What selectPage reads. Every text is constant SQL; values are bound from `params`. */
export interface PageQuery {
  /** A select of the matching rows; its parameters are `$1`… of `params`. */
  readonly filtered: string;
  /** @default [] */
  readonly params?: readonly unknown[];
  /** ORDER BY text over the matching rows aliased `f` (listOrderSql's). */
  readonly order: string;
  readonly limit: number;
  /** @default 0 */
  readonly offset?: number;
  /** More columns of each page row, over the page aliased `p`. @default none */
  readonly columns?: string;
  /** Joins those columns need, after the page aliased `p`. @default none */
  readonly joins?: string;
  /** A column no matching row has null (an empty page answers one row of nulls). @default "id" */
  readonly key?: string;
}

/** One page of the rows `query.filtered` selects, with their number. */
export async function selectPage(
  client: SqlClient,
  query: PageQuery,
): Promise<{ rows: Row[]; totalEntries: number }> {
  const params = [...(query.params ?? []), query.limit, query.offset ?? 0];
  const limit = `$${params.length - 1}`;
  const offset = `$${params.length}`;
  const columns = query.columns === undefined ? "" : `, ${query.columns}`;
  const key = query.key ?? "id";
  const result = await client.query(
    `with filtered as (
       ${query.filtered}
     ), page as (
       select f.*, row_number() over (order by ${query.order}) as ordinal
       from filtered f order by ${query.order} limit ${limit} offset ${offset}
     )
     select t.total, p.*${columns}
     from (select count(*)::int as total from filtered) t
     left join page p on true
     ${query.joins ?? ""}
     order by p.ordinal`,
    params,
  );
  return {
    rows: result.rows.filter((r) => r[key] !== null),
    totalEntries: Number(result.rows[0]?.total ?? 0),
  };
}
