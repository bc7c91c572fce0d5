// order_by of the config lists: Airflow's attribute names, resolved by pageRequest to the
// store's order keys (a list query's `isXxxOrderKey` says which are real); an attribute the
// store has no column for (team_name: Updraft has no teams, so it is null everywhere) orders
// nothing and leaves the tiebreaker.
import type { ConfigOrder } from "@updraft/store";
import type { PageRequest } from "../http/pagination";

/** The store's ordering criteria of `page`. */
export function configOrderBy<K extends string>(
  page: PageRequest,
  isKey: (value: string) => value is K,
): ConfigOrder<K>[] {
  return page.orderBy.flatMap((c): ConfigOrder<K>[] =>
    isKey(c.column) ? [{ key: c.column, descending: c.descending }] : [],
  );
}

/** The order key for attributes that exist on the model but not in Updraft's tables. */
export const UNORDERED = "-";
