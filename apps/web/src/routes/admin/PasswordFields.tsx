// A new password, typed twice, or generated: a generated one is made up on saving and shown
// once on the page afterwards (it is kept nowhere but as the server's hash).
import type { PasswordChoice } from "./userForm";
import { TextField } from "../../components/admin/TextField";

export function PasswordFields({
  choice,
  onChange,
  error,
}: {
  readonly choice: PasswordChoice;
  readonly onChange: (choice: PasswordChoice) => void;
  readonly error?: string | null;
}) {
  if (choice.generated)
    return (
      <div className="field wide password-choice">
        <p className="field-help">
          A password will be generated and shown once, after saving. Copy it then.
        </p>
        <button
          type="button"
          className="small"
          onClick={() => onChange({ generated: false, password: "", confirmation: "" })}
        >
          Type a password instead
        </button>
      </div>
    );
  return (
    <>
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        value={choice.password}
        onChange={(password) => onChange({ ...choice, password })}
      />
      <TextField
        label="Confirm password"
        type="password"
        autoComplete="new-password"
        value={choice.confirmation}
        onChange={(confirmation) => onChange({ ...choice, confirmation })}
        error={error}
      />
      <div className="field wide">
        <button
          type="button"
          className="small"
          onClick={() => onChange({ generated: true, password: "", confirmation: "" })}
        >
          Generate a password
        </button>
      </div>
    </>
  );
}
