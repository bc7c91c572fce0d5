// What a PATCH /variables/{variable_key} writes: the value and description when the body sets
// them (narrowed to the update_mask), a value sent back as the API showed it keeping what it
// hid — `***` for a sensitive key keeps the stored value, `***` under a sensitive key inside a
// JSON value keeps the stored one there.
import type { UpdateVariableInput, VariableRow } from "@updraft/store";
import { REDACTED } from "./redactSecrets";
import { restoreRedactedJsonText } from "./restoreRedacted";
import { isSensitiveName } from "@updraft/sdk";
import { fieldsToUpdate } from "../http/updateMask";
import { VARIABLE_PATCH_FIELDS, type VariableBody, variableText } from "./variableBody";

type Changes = { -readonly [K in keyof UpdateVariableInput]: UpdateVariableInput[K] };

/** The updateVariable input for `body` (as sent: `raw`) over the `stored` variable. */
export function variableChanges(
  stored: VariableRow,
  body: VariableBody,
  raw: unknown,
  mask: readonly string[],
): UpdateVariableInput {
  const fields = fieldsToUpdate(VARIABLE_PATCH_FIELDS, raw, mask);
  const changes: Changes = { key: stored.key };
  if (fields.has("value")) {
    const text = variableText(body.value);
    if (!(isSensitiveName(stored.key) && text === REDACTED))
      changes.value = restoreRedactedJsonText(text, stored.value);
  }
  if (fields.has("description")) changes.description = body.description ?? null;
  return changes;
}
