// The button that triggers a DAG run, for the User role and above (others do not see it). With
// a `label` it is a text button ("Trigger" on the DAG page); without one a compact ▶ named
// "Trigger <dag_id>" (a row of the DAGs list).
import { useState } from "react";
import { useSession } from "../../auth/SessionProvider";
import { TriggerDagDialog } from "./TriggerDagDialog";

export interface TriggerDagButtonProps {
  readonly dagId: string;
  readonly label?: string;
}

export function TriggerDagButton({ dagId, label }: TriggerDagButtonProps) {
  const session = useSession();
  const [openedAt, setOpenedAt] = useState<Date | null>(null);
  if (!session.can("User")) return null;
  return (
    <>
      <button
        type="button"
        className={label === undefined ? "small trigger-button" : "primary trigger-button"}
        aria-label={label === undefined ? `Trigger ${dagId}` : undefined}
        title={`Trigger a run of ${dagId}`}
        onClick={() => setOpenedAt(new Date())}
      >
        <span aria-hidden="true">▶</span>
        {label}
      </button>
      {openedAt !== null && (
        <TriggerDagDialog dagId={dagId} openedAt={openedAt} onClose={() => setOpenedAt(null)} />
      )}
    </>
  );
}
