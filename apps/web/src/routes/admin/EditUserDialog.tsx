// Changing a user's role, names and email. An Admin's own role is fixed here (the API refuses
// to let Admins demote themselves; another Admin has to).
import { useState } from "react";
import type { FabUser, FabUserBody } from "../../api/types";
import { useUserMutations } from "../../api/users";
import { isRole, ROLES, type Role } from "../../auth/roles";
import { EditDialog } from "../../components/admin/EditDialog";
import { SelectField } from "../../components/admin/SelectField";
import { TextField } from "../../components/admin/TextField";
import { emailProblem, orNull } from "./userForm";

export const roleOf = (user: FabUser): Role => {
  const name = user.roles[0]?.name;
  return isRole(name) ? name : "Viewer";
};

export function EditUserDialog({
  user,
  isSelf,
  onClose,
}: {
  readonly user: FabUser;
  /** The user is the one logged in. */
  readonly isSelf: boolean;
  readonly onClose: () => void;
}) {
  const [firstName, setFirstName] = useState(user.first_name ?? "");
  const [lastName, setLastName] = useState(user.last_name ?? "");
  const [email, setEmail] = useState(user.email ?? "");
  const [role, setRole] = useState<Role>(roleOf(user));
  const [tried, setTried] = useState(false);
  const { update } = useUserMutations();
  const problem = emailProblem(email);
  const body: FabUserBody = {
    first_name: orNull(firstName),
    last_name: orNull(lastName),
    email: orNull(email),
    ...(isSelf ? {} : { roles: [{ name: role }] }),
  };
  return (
    <EditDialog
      title={`Edit user ${user.username}`}
      submitLabel="Save"
      onClose={onClose}
      validate={() => {
        setTried(true);
        return problem;
      }}
      onSubmit={() => update.mutateAsync({ username: user.username, body })}
    >
      <SelectField
        label="Role"
        value={role}
        options={ROLES}
        onChange={setRole}
        disabled={isSelf}
        help={isSelf ? "You cannot change your own role: another Admin has to." : undefined}
      />
      <TextField label="First name" value={firstName} onChange={setFirstName} autoFocus />
      <TextField label="Last name" value={lastName} onChange={setLastName} />
      <TextField
        label="Email"
        type="email"
        value={email}
        onChange={setEmail}
        wide
        error={tried ? problem : undefined}
      />
    </EditDialog>
  );
}
