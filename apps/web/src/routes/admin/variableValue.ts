// How a variable's value reads in the list: a JSON object or array laid out on lines (variables
// often hold config), anything else as it is — the API's `***` for a secret included.

export interface ShownValue {
  readonly text: string;
  /** Laid out JSON (shown as code). */
  readonly json: boolean;
}

export function shownVariableValue(value: string): ShownValue {
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed !== null && typeof parsed === "object")
      return { text: JSON.stringify(parsed, null, 2), json: true };
  } catch {
    // Not JSON: plain text.
  }
  return { text: value, json: false };
}

/** The text the API shows in place of a value whose key names a secret. */
export const MASKED_VALUE = "***";
