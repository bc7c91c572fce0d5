// Users (Admins only): who can log in and with which role. Admins add users, change their role
// and names, reset passwords, deactivate or delete them — but not themselves: the buttons that
// would lock the Admin out do not exist on their own row (and the API refuses them too).
import { useState } from "react";
import type { FabUser } from "../../api/types";
import { useUserMutations, useUsers } from "../../api/users";
import { useSession } from "../../auth/SessionProvider";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { EmptyState } from "../../components/EmptyState";
import { AdminList } from "../../components/admin/AdminList";
import type { AdminColumn } from "../../components/admin/AdminTable";
import { useListControls } from "../../components/admin/useListControls";
import { formatDate } from "../../format/formatDate";
import { CreateUserDialog } from "./CreateUserDialog";
import { EditUserDialog, roleOf } from "./EditUserDialog";
import { ResetPasswordDialog } from "./ResetPasswordDialog";
import { RevealedPassword } from "./RevealedPassword";
import { RowButton } from "../../components/admin/RowButton";

const fullName = (user: FabUser): string =>
  [user.first_name, user.last_name].filter((part) => part !== null && part !== "").join(" ");

const dash = <span className="muted">—</span>;

const columns = (me: string | undefined): readonly AdminColumn<FabUser>[] => [
  {
    header: "Username",
    cell: (u) => (
      <>
        <code>{u.username}</code>
        {u.username === me && <span className="muted"> (you)</span>}
      </>
    ),
  },
  { header: "Name", cell: (u) => fullName(u) || dash },
  { header: "Email", cell: (u) => u.email ?? dash },
  { header: "Role", cell: (u) => roleOf(u) },
  {
    header: "Status",
    cell: (u) => (
      <span className={u.active ? "user-status" : "user-status inactive"}>
        {u.active ? "Active" : "Inactive"}
      </span>
    ),
  },
  { header: "Created", cell: (u) => formatDate(u.created_on) },
  {
    header: "Last login",
    cell: (u) => (u.last_login === null ? "Never" : formatDate(u.last_login)),
  },
];

type Dialog =
  | { readonly kind: "create" }
  | {
      readonly kind: "edit" | "password" | "delete" | "deactivate" | "activate";
      readonly user: FabUser;
    };

export function UsersPage() {
  const session = useSession();
  const isAdmin = session.can("Admin");
  const me = session.user?.username;
  const controls = useListControls();
  const list = useUsers(controls.page, isAdmin);
  const { update, remove } = useUserMutations();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [revealed, setRevealed] = useState<{ username: string; password: string } | null>(null);
  if (!isAdmin)
    return (
      <section className="page">
        <h1>Users</h1>
        <EmptyState>Only Admins manage users.</EmptyState>
      </section>
    );
  const reveal = (username: string, generated: string | null) =>
    setRevealed(generated === null ? null : { username, password: generated });
  const close = () => setDialog(null);
  return (
    <section className="page">
      <div className="page-header">
        <h1>Users</h1>
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => setDialog({ kind: "create" })}>
          Add user
        </button>
      </div>
      {revealed !== null && <RevealedPassword {...revealed} onDismiss={() => setRevealed(null)} />}
      <AdminList
        label="Users"
        controls={controls}
        rows={list.data?.users}
        total={list.data?.total_entries ?? 0}
        isPending={list.isPending}
        error={list.error}
        columns={columns(me)}
        rowKey={(u) => u.username}
        actions={(u) => (
          <>
            <RowButton
              action="Edit"
              row={u.username}
              onClick={() => setDialog({ kind: "edit", user: u })}
            />
            <button
              type="button"
              className="small"
              aria-label={`Reset the password of ${u.username}`}
              onClick={() => setDialog({ kind: "password", user: u })}
            >
              Reset password
            </button>
            {u.username !== me && (
              <>
                <button
                  type="button"
                  className="small"
                  aria-label={`${u.active ? "Deactivate" : "Activate"} ${u.username}`}
                  onClick={() => setDialog({ kind: u.active ? "deactivate" : "activate", user: u })}
                >
                  {u.active ? "Deactivate" : "Activate"}
                </button>
                <RowButton
                  action="Delete"
                  row={u.username}
                  onClick={() => setDialog({ kind: "delete", user: u })}
                />
              </>
            )}
          </>
        )}
        empty="No users. Create one with `updraft users create`."
      />
      {dialog?.kind === "create" && <CreateUserDialog onCreated={reveal} onClose={close} />}
      {dialog?.kind === "edit" && (
        <EditUserDialog user={dialog.user} isSelf={dialog.user.username === me} onClose={close} />
      )}
      {dialog?.kind === "password" && (
        <ResetPasswordDialog user={dialog.user} onReset={reveal} onClose={close} />
      )}
      {(dialog?.kind === "deactivate" || dialog?.kind === "activate") && (
        <ConfirmDialog
          title={`${dialog.kind === "deactivate" ? "Deactivate" : "Activate"} ${dialog.user.username}?`}
          confirmLabel={dialog.kind === "deactivate" ? "Deactivate" : "Activate"}
          danger={dialog.kind === "deactivate"}
          onConfirm={() =>
            update.mutateAsync({
              username: dialog.user.username,
              body: { active: dialog.kind === "activate" },
            })
          }
          onClose={close}
        >
          <p>
            {dialog.kind === "deactivate"
              ? "They cannot log in any more, and the sessions they have stop working at once."
              : "They can log in again with their password."}
          </p>
        </ConfirmDialog>
      )}
      {dialog?.kind === "delete" && (
        <ConfirmDialog
          title={`Delete user ${dialog.user.username}?`}
          confirmLabel="Delete"
          danger
          onConfirm={() => remove.mutateAsync(dialog.user.username)}
          onClose={close}
        >
          <p>
            Their sessions stop working at once. A user created later under this name is a new user.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
