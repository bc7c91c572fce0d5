// Pools: every role sees them with their slot usage; the Op role and above add, edit and
// delete them. default_pool has no delete button (Airflow keeps it always).
import { useState } from "react";
import { DEFAULT_POOL, usePoolMutations, usePools } from "../../api/pools";
import type { Pool } from "../../api/types";
import { useSession } from "../../auth/SessionProvider";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { AdminList } from "../../components/admin/AdminList";
import type { AdminColumn } from "../../components/admin/AdminTable";
import { useListControls } from "../../components/admin/useListControls";
import { PoolDialog } from "./PoolDialog";
import { PoolSlotsBar } from "./PoolSlotsBar";
import { RowButton } from "../../components/admin/RowButton";

const COLUMNS: readonly AdminColumn<Pool>[] = [
  { header: "Pool", cell: (p) => <code>{p.name}</code> },
  {
    header: "Slots",
    cell: (p) => (p.slots === -1 ? "Unlimited" : String(p.slots)),
    className: "number",
  },
  { header: "Usage", cell: (p) => <PoolSlotsBar pool={p} />, className: "usage" },
  {
    header: "Description",
    cell: (p) => p.description ?? <span className="muted">—</span>,
    className: "description",
  },
  { header: "Include deferred", cell: (p) => (p.include_deferred ? "Yes" : "No") },
];

type Editing = { readonly kind: "add" } | { readonly kind: "edit"; readonly pool: Pool };

export function PoolsPage() {
  const session = useSession();
  const canWrite = session.can("Op");
  const controls = useListControls();
  const list = usePools(controls.page);
  const { remove } = usePoolMutations();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<Pool | null>(null);
  return (
    <section className="page">
      <div className="page-header">
        <h1>Pools</h1>
        <span className="spacer" />
        {canWrite && (
          <button type="button" className="primary" onClick={() => setEditing({ kind: "add" })}>
            Add pool
          </button>
        )}
      </div>
      <AdminList
        label="Pools"
        controls={controls}
        searchLabel="Search pools"
        rows={list.data?.pools}
        total={list.data?.total_entries ?? 0}
        isPending={list.isPending}
        error={list.error}
        columns={COLUMNS}
        rowKey={(p) => p.name}
        actions={
          canWrite
            ? (p) => (
                <>
                  <RowButton
                    action="Edit"
                    row={p.name}
                    onClick={() => setEditing({ kind: "edit", pool: p })}
                  />
                  {p.name !== DEFAULT_POOL && (
                    <RowButton action="Delete" row={p.name} onClick={() => setDeleting(p)} />
                  )}
                </>
              )
            : undefined
        }
        empty="No pools yet."
        emptySearch={(search) => `No pool name contains “${search}”.`}
      />
      {editing !== null && (
        <PoolDialog
          pool={editing.kind === "edit" ? editing.pool : null}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting !== null && (
        <ConfirmDialog
          title={`Delete pool ${deleting.name}?`}
          confirmLabel="Delete"
          danger
          onConfirm={() => remove.mutateAsync(deleting.name)}
          onClose={() => setDeleting(null)}
        >
          <p>
            Tasks assigned to it will not be scheduled until a pool with this name exists again.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
