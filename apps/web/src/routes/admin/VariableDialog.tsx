// Adding or editing a variable: key (fixed once created), value, description. A value the API
// hides (`***`) is kept when sent back unchanged.
import { useState } from "react";
import type { Variable } from "../../api/types";
import { useVariableMutations } from "../../api/variables";
import { EditDialog } from "../../components/admin/EditDialog";
import { TextField } from "../../components/admin/TextField";
import { MASKED_VALUE } from "./variableValue";

const MAX_KEY_LENGTH = 250;

export function VariableDialog({
  variable,
  onClose,
}: {
  /** null: a new variable. */
  readonly variable: Variable | null;
  readonly onClose: () => void;
}) {
  const editing = variable !== null;
  const [key, setKey] = useState(variable?.key ?? "");
  const [value, setValue] = useState(variable?.value ?? "");
  const [description, setDescription] = useState(variable?.description ?? "");
  const [tried, setTried] = useState(false);
  const { create, update } = useVariableMutations();
  const keyProblem =
    key.trim() === ""
      ? "Give the variable a key."
      : key.trim().length > MAX_KEY_LENGTH
        ? `The key is at most ${MAX_KEY_LENGTH} characters.`
        : null;
  const body = {
    key: key.trim(),
    value,
    description: description.trim() === "" ? null : description.trim(),
  };
  return (
    <EditDialog
      title={editing ? `Edit variable ${variable.key}` : "Add variable"}
      submitLabel={editing ? "Save" : "Add variable"}
      onClose={onClose}
      validate={() => {
        setTried(true);
        return keyProblem;
      }}
      onSubmit={() => (editing ? update.mutateAsync(body) : create.mutateAsync(body))}
    >
      <TextField
        label="Key"
        value={key}
        onChange={setKey}
        readOnly={editing}
        required
        autoFocus={!editing}
        wide
        error={tried ? keyProblem : undefined}
      />
      <TextField
        label="Value"
        multiline
        value={value}
        onChange={setValue}
        autoFocus={editing}
        help={
          editing && variable.value === MASKED_VALUE
            ? "The value is hidden because the key names a secret. Leave *** to keep it, or type a new value."
            : "Text, or JSON for structured values."
        }
      />
      <TextField label="Description" value={description} onChange={setDescription} wide />
    </EditDialog>
  );
}
