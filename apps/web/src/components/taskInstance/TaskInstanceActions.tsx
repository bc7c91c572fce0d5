// What a User (and above) can do to a task instance: clear it, mark it success or failed. Each
// opens a dialog with Airflow's options and a dry run; a Viewer sees none of the buttons.
import { useState } from "react";
import type { MarkState, TaskInstanceKey } from "../../api/taskInstances";
import type { TaskInstanceState } from "../../api/types";
import { useSession } from "../../auth/SessionProvider";
import { ClearTaskDialog } from "./ClearTaskDialog";
import { MarkTaskDialog } from "./MarkTaskDialog";

export interface TaskInstanceActionsProps {
  readonly taskInstance: TaskInstanceKey;
  readonly label: string;
  /** The instance's state; undefined for a mapped task as a whole (its states vary). */
  readonly state?: TaskInstanceState | null;
}

export function TaskInstanceActions({ taskInstance, label, state }: TaskInstanceActionsProps) {
  const session = useSession();
  const [open, setOpen] = useState<"clear" | MarkState | null>(null);
  if (!session.can("User")) return null;
  const close = () => setOpen(null);
  const markButton = (target: MarkState, text: string) => (
    <button
      type="button"
      onClick={() => setOpen(target)}
      disabled={state === target}
      title={state === target ? `Already ${target}` : undefined}
    >
      {text}
    </button>
  );
  return (
    <div className="toolbar">
      <button type="button" onClick={() => setOpen("clear")}>
        Clear task
      </button>
      {markButton("success", "Mark success")}
      {markButton("failed", "Mark failed")}
      {open === "clear" && (
        <ClearTaskDialog taskInstance={taskInstance} label={label} onClose={close} />
      )}
      {(open === "success" || open === "failed") && (
        <MarkTaskDialog
          key={open}
          taskInstance={taskInstance}
          label={label}
          state={open}
          onClose={close}
        />
      )}
    </div>
  );
}
