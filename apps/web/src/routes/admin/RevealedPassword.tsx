// A generated password, shown this once after saving: it is stored only as a hash, so when
// this banner is dismissed (or the page left) nobody can see it again.
export function RevealedPassword({
  username,
  password,
  onDismiss,
}: {
  readonly username: string;
  readonly password: string;
  readonly onDismiss: () => void;
}) {
  return (
    <div className="banner revealed-password" role="status">
      <span>
        The password of <strong>{username}</strong> is <code className="secret">{password}</code> —
        copy it now; it is not shown again.
      </span>
      <button type="button" className="small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
