// The add / edit form of an admin page in a native <dialog> (focus moves in, Escape cancels):
// the fields, then Cancel and the submit button. Submitting first asks `validate`; a problem
// it names is shown and nothing is sent. Otherwise `onSubmit` runs; the dialog closes when it
// resolves and stays open showing the server's words when it throws.
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { errorText } from "../ErrorMessage";

export interface EditDialogProps {
  readonly title: string;
  readonly submitLabel: string;
  readonly children: ReactNode;
  /** A sentence naming what is wrong with the form, or null when it can be sent. */
  readonly validate?: () => string | null;
  readonly onSubmit: () => Promise<unknown>;
  readonly onClose: () => void;
}

export function EditDialog(props: EditDialogProps) {
  const { onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog !== null && !dialog.open) {
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
    }
  }, []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = props.validate?.() ?? null;
    setProblem(invalid);
    if (invalid !== null) return;
    setBusy(true);
    try {
      await props.onSubmit();
      onClose();
    } catch (caught) {
      setProblem(errorText(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <dialog
      ref={ref}
      className="dialog edit-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <h2 id={titleId}>{props.title}</h2>
        <div className="edit-fields">{props.children}</div>
        {problem !== null && (
          <div className="error-message" role="alert">
            {problem}
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? "Saving…" : props.submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
