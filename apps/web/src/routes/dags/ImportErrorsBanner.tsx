// Above the DAGs list when DAG files fail to load: each file with its error's message, the
// full stack trace a click away. Nothing at all when every file loads.
import { useImportErrors } from "../../api/importErrors";
import { formatDate } from "../../format/formatDate";
import { importErrorMessage } from "./importErrorMessage";

export function ImportErrorsBanner() {
  const errors = useImportErrors();
  const list = errors.data?.import_errors ?? [];
  if (list.length === 0) return null;
  const total = errors.data?.total_entries ?? list.length;
  return (
    <section className="banner import-errors" aria-labelledby="import-errors-title">
      <h2 id="import-errors-title">
        {total === 1 ? "1 DAG file has an import error" : `${total} DAG files have import errors`}
      </h2>
      <p className="muted">
        The DAGs these files define are not loaded until the errors are fixed; the scheduler reads
        the files again when they change.
      </p>
      <ul className="import-error-list">
        {list.map((error) => (
          <li key={error.import_error_id}>
            <code className="import-error-file">{error.filename}</code>{" "}
            <span className="import-error-message">{importErrorMessage(error.stack_trace)}</span>{" "}
            <small className="muted">{formatDate(error.timestamp)}</small>
            <details>
              <summary>Stack trace</summary>
              <pre className="code">{error.stack_trace}</pre>
            </details>
          </li>
        ))}
      </ul>
      {total > list.length && (
        <p className="muted">And {total - list.length} more (GET /api/v2/importErrors).</p>
      )}
    </section>
  );
}
