// Adding or editing a pool: name (fixed once created), slots (-1 for no limit), description,
// and whether deferred tasks take slots. default_pool's description cannot be changed (the API
// takes only its slots and include_deferred).
import { useState } from "react";
import { DEFAULT_POOL, usePoolMutations } from "../../api/pools";
import type { Pool } from "../../api/types";
import { CheckboxField } from "../../components/admin/CheckboxField";
import { EditDialog } from "../../components/admin/EditDialog";
import { TextField } from "../../components/admin/TextField";

const MAX_NAME_LENGTH = 256;

export function PoolDialog({
  pool,
  onClose,
}: {
  /** null: a new pool. */
  readonly pool: Pool | null;
  readonly onClose: () => void;
}) {
  const editing = pool !== null;
  const isDefault = pool?.name === DEFAULT_POOL;
  const [name, setName] = useState(pool?.name ?? "");
  const [slots, setSlots] = useState(pool === null ? "128" : String(pool.slots));
  const [description, setDescription] = useState(pool?.description ?? "");
  const [includeDeferred, setIncludeDeferred] = useState(pool?.include_deferred ?? false);
  const [tried, setTried] = useState(false);
  const { create, update } = usePoolMutations();
  const nameProblem =
    name.trim() === ""
      ? "Give the pool a name."
      : name.trim().length > MAX_NAME_LENGTH
        ? `The name is at most ${MAX_NAME_LENGTH} characters.`
        : null;
  const slotsProblem =
    /^-?\d+$/.test(slots.trim()) && Number(slots.trim()) >= -1
      ? null
      : "Slots is a whole number: 0 or more, or -1 for no limit.";
  const body = {
    name: name.trim(),
    slots: Number(slots.trim()),
    description: description.trim() === "" ? null : description.trim(),
    include_deferred: includeDeferred,
  };
  return (
    <EditDialog
      title={editing ? `Edit pool ${pool.name}` : "Add pool"}
      submitLabel={editing ? "Save" : "Add pool"}
      onClose={onClose}
      validate={() => {
        setTried(true);
        const problems = [nameProblem, slotsProblem].filter((p) => p !== null);
        return problems.length === 0 ? null : problems.join(" ");
      }}
      onSubmit={() => (editing ? update.mutateAsync(body) : create.mutateAsync(body))}
    >
      <TextField
        label="Name"
        value={name}
        onChange={setName}
        readOnly={editing}
        required
        autoFocus={!editing}
        error={tried ? nameProblem : undefined}
      />
      <TextField
        label="Slots"
        value={slots}
        onChange={setSlots}
        inputMode="numeric"
        autoFocus={editing}
        help="How many task instances may run at once; -1 for no limit."
        error={tried || slots.trim() !== "" ? slotsProblem : undefined}
      />
      <TextField
        label="Description"
        value={description}
        onChange={setDescription}
        disabled={isDefault}
        help={isDefault ? "default_pool's description cannot be changed." : undefined}
        wide
      />
      <CheckboxField
        label="Include deferred"
        checked={includeDeferred}
        onChange={setIncludeDeferred}
        help="Deferred task instances take slots of this pool too."
      />
    </EditDialog>
  );
}
