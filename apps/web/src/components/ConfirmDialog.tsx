// Every action that changes a run or a task asks first. A native <dialog>: focus moves into it,
// Escape cancels, and the page behind cannot be clicked.
import { type ReactNode, useEffect, useRef, useState } from "react";
import { errorText } from "./ErrorMessage";

export interface ConfirmDialogProps {
  readonly title: string;
  readonly children?: ReactNode;
  readonly confirmLabel: string;
  /** Styled as dangerous (delete, mark failed). */
  readonly danger?: boolean;
  /** Runs the action; the dialog stays open showing the error if it throws. */
  readonly onConfirm: () => Promise<unknown> | void;
  readonly onClose: () => void;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog !== null && !dialog.open) {
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
    }
  }, []);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.onConfirm();
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="confirm-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="confirm-title">{props.title}</h2>
      {props.children}
      {error !== null && (
        <div className="error-message" role="alert">
          {errorText(error)}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button
          type="button"
          className={props.danger === true ? "danger" : "primary"}
          onClick={() => void confirm()}
          disabled={busy}
          autoFocus
        >
          {busy ? "Working…" : props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
