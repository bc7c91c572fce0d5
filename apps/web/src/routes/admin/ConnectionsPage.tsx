// Connections: the Op role and above read them, Admins add, edit and delete them (the API
// enforces this; the buttons only exist for Admins). No password is ever shown.
import { useState } from "react";
import { useConnectionMutations, useConnections } from "../../api/connections";
import type { Connection } from "../../api/types";
import { useSession } from "../../auth/SessionProvider";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { EmptyState } from "../../components/EmptyState";
import { AdminList } from "../../components/admin/AdminList";
import type { AdminColumn } from "../../components/admin/AdminTable";
import { useListControls } from "../../components/admin/useListControls";
import { ConnectionDialog } from "./ConnectionDialog";
import { RowButton } from "../../components/admin/RowButton";

const text = (value: string | number | null) =>
  value === null || value === "" ? <span className="muted">—</span> : String(value);

const COLUMNS: readonly AdminColumn<Connection>[] = [
  { header: "Connection ID", cell: (c) => <code>{c.connection_id}</code> },
  { header: "Type", cell: (c) => c.conn_type },
  { header: "Host", cell: (c) => text(c.host) },
  { header: "Port", cell: (c) => text(c.port) },
  { header: "Schema", cell: (c) => text(c.schema) },
  { header: "Login", cell: (c) => text(c.login) },
  { header: "Description", cell: (c) => text(c.description), className: "description" },
];

type Editing =
  { readonly kind: "add" } | { readonly kind: "edit"; readonly connection: Connection };

export function ConnectionsPage() {
  const session = useSession();
  const canRead = session.can("Op");
  const canWrite = session.can("Admin");
  const controls = useListControls();
  const list = useConnections(controls.page, canRead);
  const { remove } = useConnectionMutations();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<Connection | null>(null);
  if (!canRead)
    return (
      <section className="page">
        <h1>Connections</h1>
        <EmptyState>Connections are shown to the Op and Admin roles only.</EmptyState>
      </section>
    );
  return (
    <section className="page">
      <div className="page-header">
        <h1>Connections</h1>
        <span className="spacer" />
        {canWrite && (
          <button type="button" className="primary" onClick={() => setEditing({ kind: "add" })}>
            Add connection
          </button>
        )}
      </div>
      <AdminList
        label="Connections"
        controls={controls}
        searchLabel="Search connections"
        rows={list.data?.connections}
        total={list.data?.total_entries ?? 0}
        isPending={list.isPending}
        error={list.error}
        columns={COLUMNS}
        rowKey={(c) => c.connection_id}
        actions={
          canWrite
            ? (c) => (
                <>
                  <RowButton
                    action="Edit"
                    row={c.connection_id}
                    onClick={() => setEditing({ kind: "edit", connection: c })}
                  />
                  <RowButton action="Delete" row={c.connection_id} onClick={() => setDeleting(c)} />
                </>
              )
            : undefined
        }
        empty={
          canWrite
            ? "No connections yet. Add one, or set AIRFLOW_CONN_<ID> in the environment."
            : "No connections yet."
        }
        emptySearch={(search) => `No connection id contains “${search}”.`}
      />
      {editing !== null && (
        <ConnectionDialog
          connection={editing.kind === "edit" ? editing.connection : null}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting !== null && (
        <ConfirmDialog
          title={`Delete connection ${deleting.connection_id}?`}
          confirmLabel="Delete"
          danger
          onConfirm={() => remove.mutateAsync(deleting.connection_id)}
          onClose={() => setDeleting(null)}
        >
          <p>Tasks that use it will fail until a connection with this id exists again.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
