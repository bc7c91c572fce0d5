// Variables: every role reads them (values of secret keys stay masked as the API sends them),
// the Op role and above add, edit and delete them.
import { useState } from "react";
import type { Variable } from "../../api/types";
import { useVariableMutations, useVariables } from "../../api/variables";
import { useSession } from "../../auth/SessionProvider";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { AdminList } from "../../components/admin/AdminList";
import type { AdminColumn } from "../../components/admin/AdminTable";
import { useListControls } from "../../components/admin/useListControls";
import { VariableDialog } from "./VariableDialog";
import { shownVariableValue } from "./variableValue";
import { RowButton } from "../../components/admin/RowButton";

function VariableValue({ value }: { readonly value: string }) {
  const shown = shownVariableValue(value);
  return shown.json ? (
    <pre className="code variable-value">{shown.text}</pre>
  ) : (
    <span className="variable-value">{shown.text}</span>
  );
}

const COLUMNS: readonly AdminColumn<Variable>[] = [
  { header: "Key", cell: (v) => <code>{v.key}</code> },
  { header: "Value", cell: (v) => <VariableValue value={v.value} />, className: "value" },
  {
    header: "Description",
    cell: (v) => v.description ?? <span className="muted">—</span>,
    className: "description",
  },
];

type Editing = { readonly kind: "add" } | { readonly kind: "edit"; readonly variable: Variable };

export function VariablesPage() {
  const session = useSession();
  const canWrite = session.can("Op");
  const controls = useListControls();
  const list = useVariables(controls.page);
  const { remove } = useVariableMutations();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<Variable | null>(null);
  return (
    <section className="page">
      <div className="page-header">
        <h1>Variables</h1>
        <span className="spacer" />
        {canWrite && (
          <button type="button" className="primary" onClick={() => setEditing({ kind: "add" })}>
            Add variable
          </button>
        )}
      </div>
      <AdminList
        label="Variables"
        controls={controls}
        searchLabel="Search variables"
        rows={list.data?.variables}
        total={list.data?.total_entries ?? 0}
        isPending={list.isPending}
        error={list.error}
        columns={COLUMNS}
        rowKey={(v) => v.key}
        actions={
          canWrite
            ? (v) => (
                <>
                  <RowButton
                    action="Edit"
                    row={v.key}
                    onClick={() => setEditing({ kind: "edit", variable: v })}
                  />
                  <RowButton action="Delete" row={v.key} onClick={() => setDeleting(v)} />
                </>
              )
            : undefined
        }
        empty={
          canWrite
            ? "No variables yet. Add one, or set AIRFLOW_VAR_<KEY> in the environment."
            : "No variables yet."
        }
        emptySearch={(search) => `No variable key contains “${search}”.`}
      />
      {editing !== null && (
        <VariableDialog
          variable={editing.kind === "edit" ? editing.variable : null}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting !== null && (
        <ConfirmDialog
          title={`Delete variable ${deleting.key}?`}
          confirmLabel="Delete"
          danger
          onConfirm={() => remove.mutateAsync(deleting.key)}
          onClose={() => setDeleting(null)}
        >
          <p>DAGs that read it will get no value until it is added again.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
