// Giving a user a new password, typed twice or generated (then shown once on the page).
import { useState } from "react";
import type { FabUser } from "../../api/types";
import { useUserMutations } from "../../api/users";
import { EditDialog } from "../../components/admin/EditDialog";
import { generatePassword } from "./generatePassword";
import { PasswordFields } from "./PasswordFields";
import { EMPTY_PASSWORD_CHOICE, passwordProblem } from "./userForm";

export function ResetPasswordDialog({
  user,
  onReset,
  onClose,
}: {
  readonly user: FabUser;
  /** Called after saving, with the password when it was generated. */
  readonly onReset: (username: string, generated: string | null) => void;
  readonly onClose: () => void;
}) {
  const [choice, setChoice] = useState(EMPTY_PASSWORD_CHOICE);
  const [tried, setTried] = useState(false);
  const { update } = useUserMutations();
  const problem = passwordProblem(choice);
  return (
    <EditDialog
      title={`Reset the password of ${user.username}`}
      submitLabel="Set password"
      onClose={onClose}
      validate={() => {
        setTried(true);
        return problem;
      }}
      onSubmit={async () => {
        const generated = choice.generated ? generatePassword() : null;
        await update.mutateAsync({
          username: user.username,
          body: { password: generated ?? choice.password },
        });
        onReset(user.username, generated);
      }}
    >
      <PasswordFields choice={choice} onChange={setChoice} error={tried ? problem : undefined} />
    </EditDialog>
  );
}
