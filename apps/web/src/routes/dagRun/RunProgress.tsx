// How far a run has got: task instances done (success, failed, skipped, upstream failed or
// removed) out of all of them, in words and as a bar.
import { useRunProgress } from "../../api/dagRuns";
import { ErrorMessage } from "../../components/ErrorMessage";

export function RunProgress({ dagId, runId }: { readonly dagId: string; readonly runId: string }) {
  const progress = useRunProgress(dagId, runId);
  if (progress.error !== null)
    return <ErrorMessage error={progress.error} title="The run's progress cannot be shown" />;
  if (progress.data === undefined) return null;
  const { done, total } = progress.data;
  return (
    <div className="run-progress">
      <progress
        max={Math.max(total, 1)}
        value={done}
        aria-label="Run progress"
        aria-valuetext={`${done} of ${total} tasks done`}
      />
      <span>
        {done} of {total} tasks done
      </span>
    </div>
  );
}
