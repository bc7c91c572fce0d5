// What the task instance pushed to XCom: each key, when it was written, and its value.
import type { TaskInstanceKey } from "../../api/taskInstances";
import { useXComEntries, XCOM_LIST_LIMIT } from "../../api/xcom";
import { formatDate } from "../../format/formatDate";
import { EmptyState } from "../EmptyState";
import { ErrorMessage } from "../ErrorMessage";
import { Loading } from "../Loading";
import { XComValueView } from "./XComValueView";

export interface XComEntriesProps {
  readonly taskInstance: TaskInstanceKey;
  /** Changes when the instance moves on (try, state), so the entries are read again. */
  readonly version: string;
}

export function XComEntries({ taskInstance, version }: XComEntriesProps) {
  const entries = useXComEntries(taskInstance, version);
  if (entries.isPending) return <Loading what="XCom" />;
  if (entries.isError) return <ErrorMessage error={entries.error} title="XCom cannot be read" />;
  const list = entries.data.xcom_entries;
  if (list.length === 0)
    return <EmptyState>No XCom entries: this try has pushed nothing (yet).</EmptyState>;
  return (
    <div className="xcom-entries">
      {entries.data.total_entries > list.length && (
        <p className="muted">
          The first {XCOM_LIST_LIMIT} of {entries.data.total_entries} entries.
        </p>
      )}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Written</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {list.map((entry) => (
              <tr key={entry.key}>
                <td>
                  <code>{entry.key}</code>
                </td>
                <td>{formatDate(entry.timestamp)}</td>
                <td className="xcom-value-cell">
                  <XComValueView
                    taskInstance={taskInstance}
                    xcomKey={entry.key}
                    version={version}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
