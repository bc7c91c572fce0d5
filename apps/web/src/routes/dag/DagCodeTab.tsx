// The Code tab: the DAG file's text as the API server reads it now, numbered by line (the numbers
// are drawn by CSS, so copying the text copies only the code).
import { useDagSource } from "../../api/dagSource";
import { EmptyState } from "../../components/EmptyState";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";

export function DagCodeTab({
  dagId,
  fileloc,
}: {
  readonly dagId: string;
  /** Where the DAG processor found the file; undefined while the DAG loads. */
  readonly fileloc: string | undefined;
}) {
  const source = useDagSource(dagId);
  if (source.error !== null)
    return <ErrorMessage error={source.error} title="The DAG's source cannot be shown" />;
  if (source.data === undefined) return <Loading what="the DAG's source" />;
  const content = source.data.content;
  return (
    <div className="dag-code">
      {fileloc !== undefined && (
        <p className="muted">
          File: <code>{fileloc}</code>
        </p>
      )}
      {content === null ? (
        <EmptyState>The API server cannot read this DAG&apos;s file.</EmptyState>
      ) : (
        <pre className="code code-lines" aria-label="DAG source" tabIndex={0}>
          <code>
            {content.split("\n").map((line, index) => (
              <span key={index} className="code-line">
                {line}
                {"\n"}
              </span>
            ))}
          </code>
        </pre>
      )}
    </div>
  );
}
