// order_by of the list endpoints: Airflow's attribute names, resolved by pageRequest to the
// store's order keys (a list query's `isXxxOrderKey` says which are real); an attribute the
// store has no column for (team_name: Updraft has no teams, so it is null everywhere) orders
// nothing and leaves the tiebreaker.
import type { ListOrder } from "@updraft/store";
import type { PageRequest } from "./pagination";

/** The store's ordering criteria of `page`. */
export function storeOrderBy<K extends string>(
  page: PageRequest,
  isKey: (value: string) => value is K,
): ListOrder<K>[] {
  return page.orderBy.flatMap((c): ListOrder<K>[] =>
    isKey(c.column) ? [{ key: c.column, descending: c.descending }] : [],
  );
}

/** The order key for attributes that exist on the model but not in Updraft's tables. */
export const UNORDERED = "-";
