// A value sent back as the API showed it, its hidden parts restored from the stored value
// (Airflow's secrets-masker `merge`): a `***` under a sensitive key keeps what is stored there;
// anything the caller changed wins. This is what lets a client GET a connection or variable,
// edit one field and PATCH the whole thing back without overwriting its secrets with `***`.
import { REDACTED } from "./redactSecrets";
import { isSensitiveName } from "@updraft/sdk";

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** `sent` with every `***` under a sensitive key replaced by the `stored` value at that place. */
export function restoreRedacted(sent: unknown, stored: unknown, sensitive = false): unknown {
  if (sensitive && sent === REDACTED) return stored;
  if (isObject(sent) && isObject(stored))
    return Object.fromEntries(
      Object.entries(sent).map(([key, value]) => [
        key,
        Object.hasOwn(stored, key)
          ? restoreRedacted(value, stored[key], sensitive || isSensitiveName(key))
          : value,
      ]),
    );
  if (Array.isArray(sent) && Array.isArray(stored)) {
    const storedItems = stored as unknown[];
    return (sent as unknown[]).map((item, i) =>
      i < storedItems.length ? restoreRedacted(item, storedItems[i], sensitive) : item,
    );
  }
  return sent;
}

const parseJson = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
};

/**
 * The JSON text to store for `sentText` given the `storedText`: with hidden parts restored when
 * both are JSON and something was restored; `sentText` itself otherwise.
 */
export function restoreRedactedJsonText(sentText: string, storedText: string | null): string {
  if (storedText === null) return sentText;
  const sent = parseJson(sentText);
  const stored = parseJson(storedText);
  if (!sent.ok || !stored.ok) return sentText;
  const restored = restoreRedacted(sent.value, stored.value);
  return JSON.stringify(restored) === JSON.stringify(sent.value)
    ? sentText
    : JSON.stringify(restored);
}
