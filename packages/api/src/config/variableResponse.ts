// A Variable as Airflow's VariableResponse shows it: the whole value hidden (`***`) when the
// key names a secret (see sensitiveNames.ts), and a JSON object or array value with the values
// under its sensitive keys hidden. Updraft has no teams: team_name is null.
import type { VariableRow } from "@updraft/store";
import { REDACTED, redactJsonText } from "./redactSecrets";
import { isSensitiveName } from "@updraft/sdk";

/** Airflow's VariableResponse. */
export interface VariableResponseBody {
  readonly key: string;
  readonly value: string;
  readonly description: string | null;
  readonly is_encrypted: boolean;
  readonly team_name: null;
}

/** The value of `variable` as the API shows it. */
export function shownVariableValue(variable: VariableRow): string {
  return isSensitiveName(variable.key) ? REDACTED : redactJsonText(variable.value);
}

/** The VariableResponse of `variable`. */
export function variableResponse(variable: VariableRow): VariableResponseBody {
  return {
    key: variable.key,
    value: shownVariableValue(variable),
    description: variable.description,
    is_encrypted: variable.isEncrypted,
    team_name: null,
  };
}
