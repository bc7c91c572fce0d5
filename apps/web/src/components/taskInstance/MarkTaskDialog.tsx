// Marking a task instance success or failed (Airflow's "Mark as"), with the chosen relatives;
// the list is the API's dry run: the instances not yet in that state.
import { useState } from "react";
import {
  type MarkState,
  type RelativeOptions,
  type TaskInstanceKey,
  useMarkPreview,
  useMarkTaskInstance,
} from "../../api/taskInstances";
import { ConfirmDialog } from "../ConfirmDialog";
import { AffectedTaskInstances } from "./AffectedTaskInstances";
import { OptionCheckboxes, RELATIVE_OPTIONS } from "./OptionCheckboxes";

export interface MarkTaskDialogProps {
  readonly taskInstance: TaskInstanceKey;
  readonly label: string;
  readonly state: MarkState;
  readonly onClose: () => void;
}

export function MarkTaskDialog({ taskInstance, label, state, onClose }: MarkTaskDialogProps) {
  const [options, setOptions] = useState<RelativeOptions>({
    past: false,
    future: false,
    upstream: false,
    downstream: false,
  });
  const preview = useMarkPreview(taskInstance, state, options);
  const mark = useMarkTaskInstance(taskInstance);
  return (
    <ConfirmDialog
      title={`Mark ${label} as ${state}`}
      confirmLabel={`Mark ${state}`}
      danger={state === "failed"}
      onConfirm={() => mark.mutateAsync({ state, options })}
      onClose={onClose}
    >
      <OptionCheckboxes
        legend="Also mark"
        options={RELATIVE_OPTIONS}
        values={options}
        onChange={(key, checked) => setOptions((current) => ({ ...current, [key]: checked }))}
      />
      <AffectedTaskInstances
        preview={preview}
        outcome={`will be marked ${state}`}
        nothing={`Nothing to change: these task instances are already ${state}.`}
      />
    </ConfirmDialog>
  );
}
