// Clearing a task instance (Airflow's "Clear task"): it loses its state and runs again, with the
// chosen relatives; the list below the options is the API's dry run for exactly these options.
import { useState } from "react";
import {
  type ClearOptions,
  type TaskInstanceKey,
  useClearPreview,
  useClearTaskInstance,
} from "../../api/taskInstances";
import { ConfirmDialog } from "../ConfirmDialog";
import { AffectedTaskInstances } from "./AffectedTaskInstances";
import { type CheckboxOption, OptionCheckboxes, RELATIVE_OPTIONS } from "./OptionCheckboxes";

const CLEAR_OPTIONS: readonly CheckboxOption<keyof ClearOptions>[] = [
  ...RELATIVE_OPTIONS,
  { key: "onlyFailed", label: "Only failed", help: "Leave instances that did not fail alone" },
];

export interface ClearTaskDialogProps {
  readonly taskInstance: TaskInstanceKey;
  /** The task instance in words: "extract", "extract [3]". */
  readonly label: string;
  readonly onClose: () => void;
}

export function ClearTaskDialog({ taskInstance, label, onClose }: ClearTaskDialogProps) {
  // As Airflow's dialog: what depends on the task runs again with it.
  const [options, setOptions] = useState<ClearOptions>({
    past: false,
    future: false,
    upstream: false,
    downstream: true,
    onlyFailed: false,
  });
  const preview = useClearPreview(taskInstance, options);
  const clear = useClearTaskInstance(taskInstance);
  return (
    <ConfirmDialog
      title={`Clear ${label}`}
      confirmLabel="Clear"
      onConfirm={() => clear.mutateAsync(options)}
      onClose={onClose}
    >
      <p>Cleared task instances lose their state, and the scheduler runs them again.</p>
      <OptionCheckboxes
        legend="Also clear"
        options={CLEAR_OPTIONS}
        values={options}
        onChange={(key, checked) => setOptions((current) => ({ ...current, [key]: checked }))}
      />
      <AffectedTaskInstances
        preview={preview}
        outcome="will be cleared"
        nothing="Nothing to clear with these options."
      />
    </ConfirmDialog>
  );
}
