// The trigger dialog: a native modal <dialog> (focus moves in, Escape cancels) around the form
// generated from the DAG's params, which it reads from the DAG's details first.
import { useEffect, useId, useRef } from "react";
import { useDagDetails } from "../../api/dagSource";
import { ErrorMessage } from "../ErrorMessage";
import { Loading } from "../Loading";
import { TriggerForm } from "./TriggerForm";

export interface TriggerDagDialogProps {
  readonly dagId: string;
  readonly openedAt: Date;
  readonly onClose: () => void;
}

export function TriggerDagDialog({ dagId, openedAt, onClose }: TriggerDagDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const details = useDagDetails(dagId);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog !== null && !dialog.open) {
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
    }
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog trigger-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>Trigger {dagId}</h2>
      {details.error !== null ? (
        <>
          <ErrorMessage error={details.error} title="The DAG's params cannot be read" />
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </>
      ) : details.data === undefined ? (
        <Loading what="the DAG's params" />
      ) : (
        <TriggerForm
          dagId={dagId}
          params={details.data.params}
          openedAt={openedAt}
          onCancel={onClose}
          onTriggered={onClose}
        />
      )}
    </dialog>
  );
}
