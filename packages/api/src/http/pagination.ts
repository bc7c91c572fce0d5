// Airflow's list conventions: `limit` (default 50, capped at 100), `offset` (default 0), and
// `order_by` (repeatable, `-` for descending, only allowed attributes, at most 10), with the
// primary key appended as tiebreaker in the direction of the first criterion.
import { ApiError, badRequest } from "./apiError";

/** One ordering criterion, resolved to the SQL expression the list query sorts by. */
export interface OrderCriterion {
  readonly column: string;
  readonly descending: boolean;
}

/** A page request. */
export interface PageRequest {
  readonly limit: number;
  readonly offset: number;
  readonly orderBy: readonly OrderCriterion[];
}

export const DEFAULT_PAGE_LIMIT = 50;
export const MAXIMUM_PAGE_LIMIT = 100;
const MAX_ORDER_CRITERIA = 10;

type Query = Readonly<Record<string, unknown>>;

const many = (value: unknown): string[] =>
  value === undefined
    ? []
    : (Array.isArray(value) ? (value as unknown[]) : [value]).map((v) =>
        typeof v === "string" ? v : JSON.stringify(v),
      );

function nonNegative(query: Query, name: string, fallback: number): number {
  const raw = query[name];
  if (raw === undefined) return fallback;
  const last: unknown = Array.isArray(raw) ? raw.at(-1) : raw;
  const text = typeof last === "string" ? last : JSON.stringify(last);
  // Airflow (pydantic) refuses a bad limit or offset as input validation: 422.
  if (!/^\d+$/.test(text))
    throw new ApiError("VALIDATION_ERROR", [
      {
        loc: ["query", name],
        msg: "Input should be a valid integer greater than or equal to 0",
        type: "int_parsing",
        input: text,
      },
    ]);
  return Number(text);
}

/**
 * The page `query` asks for. `columns` maps each orderable attribute to its SQL column (trusted
 * text: the caller's own constants, never the request's); `primaryKey` is the tiebreaker.
 */
export function pageRequest(
  query: Query,
  columns: Readonly<Record<string, string>>,
  primaryKey: string,
  defaultOrder: readonly string[] = [],
): PageRequest {
  const limit = Math.min(nonNegative(query, "limit", DEFAULT_PAGE_LIMIT), MAXIMUM_PAGE_LIMIT);
  const offset = nonNegative(query, "offset", 0);
  const requested = many(query.order_by)
    .flatMap((v) => v.split(","))
    .filter((v) => v !== "");
  const order = requested.length > 0 ? requested : [...defaultOrder];
  if (order.length > MAX_ORDER_CRITERIA)
    throw badRequest(
      `Ordering with more than ${MAX_ORDER_CRITERIA} parameters is not allowed. Provided: ${JSON.stringify(order)}`,
    );
  const orderBy = order.map((entry): OrderCriterion => {
    const descending = entry.startsWith("-");
    const name = descending ? entry.slice(1) : entry;
    const column = Object.hasOwn(columns, name) ? columns[name] : undefined;
    if (column === undefined)
      throw badRequest(
        `Ordering with '${name}' is disallowed or the attribute does not exist on the model`,
      );
    return { column, descending };
  });
  if (!orderBy.some((c) => c.column === primaryKey))
    orderBy.push({ column: primaryKey, descending: orderBy[0]?.descending ?? false });
  return { limit, offset, orderBy };
}

/** `order by …` text of a page request. */
export const orderBySql = (page: PageRequest): string =>
  page.orderBy.map((c) => `${c.column} ${c.descending ? "desc" : "asc"} nulls last`).join(", ");

/** A repeatable query parameter's values (`?state=a&state=b`, or one value). */
export const queryValues = many;
