// An admin page's list, written once for connections, variables, pools and users: the search
// box (when the API can search), the table in its states, and the pages.
import type { ReactNode } from "react";
import { ErrorMessage } from "../ErrorMessage";
import { AdminTable, type AdminColumn } from "./AdminTable";
import { Pagination } from "../Pagination";
import { SearchField } from "./SearchField";
import type { ListControls } from "./useListControls";

export interface AdminListProps<T> {
  /** What the list holds, capitalised ("Connections"): names the table and its pages. */
  readonly label: string;
  readonly controls: ListControls;
  /** The search box's label; no search box when absent. */
  readonly searchLabel?: string;
  readonly rows: readonly T[] | undefined;
  readonly total: number;
  readonly isPending: boolean;
  readonly error: unknown;
  readonly columns: readonly AdminColumn<T>[];
  readonly rowKey: (row: T) => string;
  readonly actions?: (row: T) => ReactNode;
  readonly empty: ReactNode;
  /** What an empty search says; gets the search text. */
  readonly emptySearch?: (search: string) => ReactNode;
}

export function AdminList<T>(props: AdminListProps<T>) {
  const { controls } = props;
  const { pattern, offset, limit } = controls.page;
  return (
    <>
      {props.searchLabel !== undefined && (
        <div className="toolbar">
          <SearchField
            label={props.searchLabel}
            value={controls.search}
            onChange={controls.setSearch}
          />
        </div>
      )}
      {props.error !== null && props.error !== undefined && props.rows !== undefined && (
        <ErrorMessage error={props.error} title="The list could not be refreshed" />
      )}
      <AdminTable
        label={props.label}
        columns={props.columns}
        rows={props.rows}
        rowKey={props.rowKey}
        isPending={props.isPending}
        error={props.error}
        empty={props.empty}
        emptySearch={props.emptySearch?.(pattern) ?? props.empty}
        searching={pattern !== ""}
        actions={props.actions}
      />
      <Pagination
        label={props.label}
        offset={offset}
        limit={limit}
        total={props.total}
        onOffset={controls.setOffset}
      />
    </>
  );
}
