// Which names hold secrets, as Airflow's secrets masker decides (should_hide_value_for_key): a
// variable key, or a key inside a connection's extra, whose lowercased name contains one of
// DEFAULT_SENSITIVE_FIELDS. Runs of non-word characters read as `_`, so `API-Key` counts too
// (stricter than Airflow, which would show it). One rule for task logs and API responses.

/** Airflow's DEFAULT_SENSITIVE_FIELDS (Airflow 3.0–3.2). */
export const SENSITIVE_NAMES: readonly string[] = [
  "access_token",
  "api_key",
  "apikey",
  "authorization",
  "passphrase",
  "passwd",
  "password",
  "private_key",
  "secret",
  "token",
  "keyfile_dict",
  "service_account",
];

/** True when the value named `name` is a secret (`API-Key` and `db_password` both are). */
export function isSensitiveName(name: string): boolean {
  const normalized = name.trim().toLowerCase().replace(/\W+/g, "_");
  return SENSITIVE_NAMES.some((sensitive) => normalized.includes(sensitive));
}
