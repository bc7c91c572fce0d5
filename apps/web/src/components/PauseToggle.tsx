// A DAG's pause switch, on when the DAG is active (Airflow's toggle). The change shows at once;
// if the server refuses it the switch flips back and says why. Viewers see it, disabled.
import { useState } from "react";
import { usePatchDag } from "../api/dags";
import type { Dag } from "../api/types";
import { useSession } from "../auth/SessionProvider";
import { errorText } from "./ErrorMessage";

export function PauseToggle({ dag }: { readonly dag: Pick<Dag, "dag_id" | "is_paused"> }) {
  const session = useSession();
  const patch = usePatchDag();
  const [error, setError] = useState<unknown>(null);
  const allowed = session.can("User");
  // While the request is out the switch shows what was asked for, whatever the cache holds.
  const active = patch.isPending ? !patch.variables.isPaused : !dag.is_paused;
  const toggle = (activate: boolean) => {
    if (patch.isPending) return;
    setError(null);
    patch.mutate({ dagId: dag.dag_id, isPaused: !activate }, { onError: setError });
  };
  return (
    <span className="pause-toggle">
      <input
        type="checkbox"
        role="switch"
        className="switch"
        aria-label={`Active: ${dag.dag_id}`}
        checked={active}
        disabled={!allowed}
        aria-busy={patch.isPending}
        title={
          allowed
            ? active
              ? "Active: click to pause"
              : "Paused: click to unpause"
            : "Your role cannot pause or unpause DAGs"
        }
        onChange={(event) => toggle(event.target.checked)}
      />
      {error !== null && (
        <span className="pause-toggle-error" role="alert">
          {active ? "Could not pause" : "Could not unpause"}: {errorText(error)}
        </span>
      )}
    </span>
  );
}
