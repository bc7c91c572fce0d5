// Ordering of the REST API's list queries: the criteria a caller asks for, as ORDER BY text over
// the query's own constant columns, the primary key breaking ties in the direction of the first
// criterion. Nulls sort last both ways, as Airflow's SortParam sorts them, unless a list keeps
// Postgres's own placement (see listDagRunsPage).

/** One ordering criterion over the order keys `K` of a list query. */
export interface ListOrder<K extends string> {
  readonly key: K;
  readonly descending: boolean;
}

/** Options of listOrderSql. */
export interface ListOrderOptions<K extends string> {
  /** The criteria when the caller asks for none. @default [] (the primary key alone) */
  readonly fallback?: readonly ListOrder<K>[];
  /**
   * `nulls last` after each criterion; false keeps Postgres's placement (last ascending, first
   * descending). @default true
   */
  readonly nullsLast?: boolean;
}

/** A guard telling whether a text names one of the order keys of `columns`. */
export const isOrderKeyOf =
  <K extends string>(columns: Readonly<Record<K, string>>) =>
  (value: string): value is K =>
    Object.hasOwn(columns, value);

/**
 * `order by` text for `orderBy` (or the fallback when empty), with `primaryKey` appended unless
 * present. `columns` maps each key to trusted SQL (the query's constants, never input).
 */
export function listOrderSql<K extends string>(
  columns: Readonly<Record<K, string>>,
  orderBy: readonly ListOrder<K>[],
  primaryKey: K,
  options: ListOrderOptions<K> = {},
): string {
  const criteria = orderBy.length > 0 ? [...orderBy] : [...(options.fallback ?? [])];
  if (!criteria.some((c) => c.key === primaryKey))
    criteria.push({ key: primaryKey, descending: criteria[0]?.descending ?? false });
  const nulls = options.nullsLast === false ? "" : " nulls last";
  return criteria
    .map((c) => `${columns[c.key]} ${c.descending ? "desc" : "asc"}${nulls}`)
    .join(", ");
}
