// Adding or editing a connection. The id is fixed once created; the password box always starts
// empty (the stored password is never sent to the browser) and, when editing, left empty keeps
// the stored one.
import { useState } from "react";
import { useConnectionMutations } from "../../api/connections";
import type { Connection } from "../../api/types";
import { CheckboxField } from "../../components/admin/CheckboxField";
import { EditDialog } from "../../components/admin/EditDialog";
import { TextField } from "../../components/admin/TextField";
import {
  type ConnectionForm,
  EMPTY_CONNECTION_FORM,
  KNOWN_CONNECTION_TYPES,
  connectionCreateBody,
  connectionFormOf,
  connectionProblems,
  connectionUpdate,
} from "./connectionForm";

export function ConnectionDialog({
  connection,
  onClose,
}: {
  /** null: a new connection. */
  readonly connection: Connection | null;
  readonly onClose: () => void;
}) {
  const editing = connection !== null;
  const [form, setForm] = useState<ConnectionForm>(() =>
    connection === null ? EMPTY_CONNECTION_FORM : connectionFormOf(connection),
  );
  const [tried, setTried] = useState(false);
  const { create, update } = useConnectionMutations();
  const problems = connectionProblems(form);
  const shown = (field: keyof ConnectionForm) => (tried ? problems[field] : undefined);
  const set = (field: keyof ConnectionForm) => (value: string) =>
    setForm((current) => ({ ...current, [field]: value }));
  const hasStoredPassword = connection?.password !== null && connection?.password !== undefined;
  return (
    <EditDialog
      title={editing ? `Edit connection ${connection.connection_id}` : "Add connection"}
      submitLabel={editing ? "Save" : "Add connection"}
      onClose={onClose}
      validate={() => {
        setTried(true);
        const found = Object.values(problems);
        return found.length === 0 ? null : found.join(" ");
      }}
      onSubmit={() =>
        editing
          ? update.mutateAsync(connectionUpdate(form))
          : create.mutateAsync(connectionCreateBody(form))
      }
    >
      <TextField
        label="Connection ID"
        value={form.connection_id}
        onChange={set("connection_id")}
        readOnly={editing}
        required
        autoFocus={!editing}
        error={shown("connection_id")}
      />
      <TextField
        label="Connection type"
        value={form.conn_type}
        onChange={set("conn_type")}
        suggestions={KNOWN_CONNECTION_TYPES}
        help="postgres, snowflake, duckdb, smtp, slackwebhook… or any other type."
        required
        autoFocus={editing}
        error={shown("conn_type")}
      />
      <TextField label="Description" value={form.description} onChange={set("description")} wide />
      <TextField label="Host" value={form.host} onChange={set("host")} />
      <TextField label="Schema" value={form.schema} onChange={set("schema")} />
      <TextField label="Login" value={form.login} onChange={set("login")} />
      <TextField
        label="Password"
        type="password"
        value={form.password}
        onChange={set("password")}
        autoComplete="new-password"
        disabled={form.clearPassword}
        help={
          editing
            ? hasStoredPassword
              ? "A password is stored. Leave this empty to keep it."
              : "No password is stored."
            : undefined
        }
      />
      <TextField
        label="Port"
        value={form.port}
        onChange={set("port")}
        inputMode="numeric"
        placeholder="5432"
        error={shown("port")}
      />
      {editing && hasStoredPassword && (
        <CheckboxField
          label="Remove the stored password"
          checked={form.clearPassword}
          onChange={(clearPassword) =>
            setForm((current) => ({ ...current, clearPassword, password: "" }))
          }
        />
      )}
      <TextField
        label="Extra"
        multiline
        value={form.extra}
        onChange={set("extra")}
        placeholder='{"sslmode": "require"}'
        help="A JSON object. Secret values show as ***; sent back unchanged, they are kept."
        error={form.extra.trim() !== "" || tried ? problems.extra : undefined}
      />
    </EditDialog>
  );
}
