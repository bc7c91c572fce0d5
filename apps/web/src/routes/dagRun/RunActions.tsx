// What a User (and above) can do to a run — clear it, mark it success or failed, delete it —
// each after a confirmation. Deleting leaves the run's page for the DAG's.
import { useState } from "react";
import { useNavigate } from "react-router";
import { useDeleteDagRun, useMarkDagRun } from "../../api/dagRuns";
import type { DagRun } from "../../api/types";
import { useSession } from "../../auth/SessionProvider";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { dagPath } from "../dag/dagPaths";
import { ClearRunDialog } from "./ClearRunDialog";

type Open = "clear" | "success" | "failed" | "delete" | null;

export function RunActions({ run }: { readonly run: DagRun }) {
  const session = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState<Open>(null);
  const mark = useMarkDagRun(run.dag_id, run.dag_run_id);
  const remove = useDeleteDagRun(run.dag_id, run.dag_run_id);
  if (!session.can("User")) return null;
  const close = () => setOpen(null);
  return (
    <div className="toolbar" role="group" aria-label="Run actions">
      <button type="button" onClick={() => setOpen("clear")}>
        Clear run
      </button>
      <button type="button" disabled={run.state === "success"} onClick={() => setOpen("success")}>
        Mark run success
      </button>
      <button type="button" disabled={run.state === "failed"} onClick={() => setOpen("failed")}>
        Mark run failed
      </button>
      <button type="button" className="danger" onClick={() => setOpen("delete")}>
        Delete run
      </button>
      {open === "clear" && (
        <ClearRunDialog dagId={run.dag_id} runId={run.dag_run_id} onClose={close} />
      )}
      {(open === "success" || open === "failed") && (
        <ConfirmDialog
          title={open === "success" ? "Mark run success" : "Mark run failed"}
          confirmLabel={open === "success" ? "Mark success" : "Mark failed"}
          danger={open === "failed"}
          onConfirm={() => mark.mutateAsync(open)}
          onClose={close}
        >
          <p>
            Sets <code>{run.dag_run_id}</code> to {open} and its unfinished task instances with it.
          </p>
        </ConfirmDialog>
      )}
      {open === "delete" && (
        <ConfirmDialog
          title="Delete run"
          confirmLabel="Delete"
          danger
          onConfirm={async () => {
            await remove.mutateAsync();
            await navigate(dagPath(run.dag_id));
          }}
          onClose={close}
        >
          <p>
            Deletes <code>{run.dag_run_id}</code> with its task instances and their XComs. This
            cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
