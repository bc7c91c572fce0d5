// Clearing a run, confirmed: the task instances it will clear are listed first (the API's dry
// run, asked again when "Only failed" changes), then the scheduler runs them again.
import { useId, useState } from "react";
import { useClearDagRun, useClearDagRunPreview } from "../../api/dagRuns";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { StateBadge } from "../../components/StateBadge";

export function ClearRunDialog({
  dagId,
  runId,
  onClose,
}: {
  readonly dagId: string;
  readonly runId: string;
  readonly onClose: () => void;
}) {
  const [onlyFailed, setOnlyFailed] = useState(false);
  const preview = useClearDagRunPreview(dagId, runId, onlyFailed);
  const clear = useClearDagRun(dagId, runId);
  const listId = useId();
  const instances = preview.data?.task_instances;
  return (
    <ConfirmDialog
      title="Clear run"
      confirmLabel="Clear"
      onConfirm={() => clear.mutateAsync(onlyFailed)}
      onClose={onClose}
    >
      <p>
        Clearing <code>{runId}</code> sets its task instances back to no status, so the scheduler
        runs them again.
      </p>
      <label className="inline">
        <input
          type="checkbox"
          checked={onlyFailed}
          onChange={(event) => setOnlyFailed(event.target.checked)}
        />
        Only failed
      </label>
      {preview.error !== null ? (
        <ErrorMessage error={preview.error} title="The task instances to clear cannot be listed" />
      ) : instances === undefined ? (
        <Loading what="the task instances to clear" />
      ) : instances.length === 0 ? (
        <p className="muted">No task instances would be cleared.</p>
      ) : (
        <>
          <p id={listId}>
            {instances.length === 1
              ? "1 task instance will be cleared:"
              : `${instances.length} task instances will be cleared:`}
          </p>
          <ul className="clear-preview" aria-labelledby={listId}>
            {instances.map((ti) => (
              <li key={`${ti.task_id}/${ti.map_index}`}>
                <code>
                  {ti.task_id}
                  {ti.map_index >= 0 && ` [${ti.map_index}]`}
                </code>
                <StateBadge state={ti.state} />
              </li>
            ))}
          </ul>
        </>
      )}
    </ConfirmDialog>
  );
}
