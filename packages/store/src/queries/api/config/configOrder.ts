// Ordering of the REST API's config lists (connections, variables, pools, assets, asset
// events): the criteria a caller asks for, as ORDER BY text over the query's own constant
// columns, nulls last both ways (as Airflow's SortParam), the primary key breaking ties in the
// direction of the first criterion.

/** One ordering criterion over the order keys `K` of a list query. */
export interface ConfigOrder<K extends string> {
  readonly key: K;
  readonly descending: boolean;
}

/**
 * `order by` text for `orderBy` (or `fallback` when empty), with `primaryKey` appended unless
 * present. `columns` maps each key to trusted SQL (the query's constants, never input).
 */
export function configOrderSql<K extends string>(
  columns: Readonly<Record<K, string>>,
  orderBy: readonly ConfigOrder<K>[],
  primaryKey: K,
  fallback: readonly ConfigOrder<K>[] = [],
): string {
  const criteria = orderBy.length > 0 ? [...orderBy] : [...fallback];
  if (!criteria.some((c) => c.key === primaryKey))
    criteria.push({ key: primaryKey, descending: criteria[0]?.descending ?? false });
  return criteria
    .map((c) => `${columns[c.key]} ${c.descending ? "desc" : "asc"} nulls last`)
    .join(", ");
}
