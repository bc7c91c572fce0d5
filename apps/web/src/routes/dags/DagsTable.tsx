// The DAGs as a table, sortable by name.
import type { DagWithLatestRuns } from "../../api/types";
import { SortHeader } from "../dagRun/SortHeader";
import { DagRow } from "./DagRow";

export interface DagsTableProps {
  readonly dags: readonly DagWithLatestRuns[];
  readonly orderBy: string;
  readonly onOrder: (orderBy: string) => void;
  readonly onTag: (tag: string) => void;
}

export function DagsTable({ dags, orderBy, onOrder, onTag }: DagsTableProps) {
  return (
    <div className="table-wrap">
      <table className="table dags-table">
        <caption className="visually-hidden">DAGs</caption>
        <thead>
          <tr>
            <SortHeader label="DAG" column="dag_display_name" orderBy={orderBy} onOrder={onOrder} />
            <th scope="col">Owner</th>
            <th scope="col">Tags</th>
            <th scope="col">Schedule</th>
            <th scope="col">Next run</th>
            <th scope="col">Latest runs</th>
            <th scope="col">Active</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {dags.map((dag) => (
            <DagRow key={dag.dag_id} dag={dag} onTag={onTag} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
