// The list of an admin page, in the states a list has: loading, an error in words, empty (with
// or without a search), or the rows — one column per field and, when the role may write, the
// row's actions last.
import type { ReactNode } from "react";
import { EmptyState } from "../EmptyState";
import { ErrorMessage } from "../ErrorMessage";
import { Loading } from "../Loading";

export interface AdminColumn<T> {
  readonly header: string;
  readonly cell: (row: T) => ReactNode;
  readonly className?: string;
}

export interface AdminTableProps<T> {
  /** The table's accessible name ("Connections"). */
  readonly label: string;
  readonly columns: readonly AdminColumn<T>[];
  readonly rows: readonly T[] | undefined;
  readonly rowKey: (row: T) => string;
  readonly isPending: boolean;
  readonly error: unknown;
  /** What the empty list says, without a search and with one. */
  readonly empty: ReactNode;
  readonly emptySearch: ReactNode;
  readonly searching: boolean;
  /** The row's buttons; no Actions column when absent. */
  readonly actions?: (row: T) => ReactNode;
}

export function AdminTable<T>(props: AdminTableProps<T>) {
  const { rows, columns, actions } = props;
  if (props.error !== null && props.error !== undefined && rows === undefined)
    return <ErrorMessage error={props.error} title={`${props.label} could not be loaded`} />;
  if (props.isPending && rows === undefined) return <Loading what={props.label.toLowerCase()} />;
  if (rows === undefined || rows.length === 0)
    return <EmptyState>{props.searching ? props.emptySearch : props.empty}</EmptyState>;
  return (
    <div className="table-wrap">
      <table className="table admin-table" aria-label={props.label}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={column.className}>
                {column.header}
              </th>
            ))}
            {actions !== undefined && (
              <th scope="col" className="actions">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={props.rowKey(row)}>
              {columns.map((column) => (
                <td key={column.header} className={column.className}>
                  {column.cell(row)}
                </td>
              ))}
              {actions !== undefined && (
                <td className="actions">
                  <div className="row-actions">{actions(row)}</div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
