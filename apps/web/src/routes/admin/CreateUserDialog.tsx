// Creating a user: username, names, email, one of Airflow's four roles, and a password typed
// twice or generated. A generated password is handed to `onCreated` to be shown once.
import { useState } from "react";
import { useUserMutations } from "../../api/users";
import { ROLES, type Role } from "../../auth/roles";
import { EditDialog } from "../../components/admin/EditDialog";
import { SelectField } from "../../components/admin/SelectField";
import { TextField } from "../../components/admin/TextField";
import { generatePassword } from "./generatePassword";
import { PasswordFields } from "./PasswordFields";
import {
  EMPTY_PASSWORD_CHOICE,
  emailProblem,
  orNull,
  passwordProblem,
  usernameProblem,
} from "./userForm";

export function CreateUserDialog({
  onCreated,
  onClose,
}: {
  /** Called after creating, with the password when it was generated. */
  readonly onCreated: (username: string, generated: string | null) => void;
  readonly onClose: () => void;
}) {
  const [username, setUsername] = useState("");
  const [firstName, setFirstName] = useState("");
  const [lastName, setLastName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("Viewer");
  const [password, setPassword] = useState(EMPTY_PASSWORD_CHOICE);
  const [tried, setTried] = useState(false);
  const { create } = useUserMutations();
  const problems = {
    username: usernameProblem(username.trim()),
    email: emailProblem(email),
    password: passwordProblem(password),
  };
  const submit = async () => {
    const generated = password.generated ? generatePassword() : null;
    await create.mutateAsync({
      username: username.trim(),
      password: generated ?? password.password,
      roles: [{ name: role }],
      first_name: orNull(firstName),
      last_name: orNull(lastName),
      email: orNull(email),
    });
    onCreated(username.trim(), generated);
  };
  return (
    <EditDialog
      title="Add user"
      submitLabel="Add user"
      onClose={onClose}
      validate={() => {
        setTried(true);
        const found = Object.values(problems).filter((p) => p !== null);
        return found.length === 0 ? null : found.join(" ");
      }}
      onSubmit={submit}
    >
      <TextField
        label="Username"
        value={username}
        onChange={setUsername}
        autoComplete="off"
        required
        autoFocus
        error={tried ? problems.username : undefined}
      />
      <SelectField
        label="Role"
        value={role}
        options={ROLES}
        onChange={setRole}
        help="Viewer reads; User also runs DAGs; Op also edits variables and pools; Admin manages everything."
      />
      <TextField label="First name" value={firstName} onChange={setFirstName} />
      <TextField label="Last name" value={lastName} onChange={setLastName} />
      <TextField
        label="Email"
        type="email"
        value={email}
        onChange={setEmail}
        wide
        error={tried ? problems.email : undefined}
      />
      <PasswordFields
        choice={password}
        onChange={setPassword}
        error={tried ? problems.password : undefined}
      />
    </EditDialog>
  );
}
