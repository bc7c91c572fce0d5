// A column header that orders the list by its attribute (Airflow's order_by), saying which way.
import { nextOrder } from "./dagRunListQuery";

export function SortHeader({
  label,
  column,
  orderBy,
  onOrder,
}: {
  readonly label: string;
  readonly column: string;
  readonly orderBy: string;
  readonly onOrder: (orderBy: string) => void;
}) {
  const sort =
    orderBy === column ? "ascending" : orderBy === `-${column}` ? "descending" : undefined;
  return (
    <th scope="col" aria-sort={sort ?? "none"}>
      <button
        type="button"
        className="sort-button"
        onClick={() => onOrder(nextOrder(orderBy, column))}
      >
        {label}
        <span aria-hidden className="sort-mark">
          {sort === "ascending" ? "▲" : sort === "descending" ? "▼" : ""}
        </span>
      </button>
    </th>
  );
}
