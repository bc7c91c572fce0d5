// One more redaction of task log lines before the API returns them: every stored connection's
// password (and its URL-encoded form) becomes `***`. The worker already masks the secrets it
// knows of when it writes a line; this catches a password it never saw (a connection the task
// reached some other way) or one stored after the line was written. Passwords shorter than five
// characters are left alone, as the worker and Airflow's `min_length_masked_secret` do, or every
// line would be garbled.
import { listConnectionPasswords, type SqlClient } from "@updraft/store";

const MIN_SECRET_LENGTH = 5;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A function masking the connection passwords stored now. */
export async function logRedactor(client: SqlClient): Promise<(text: string) => string> {
  const secrets = new Set<string>();
  for (const password of await listConnectionPasswords(client)) {
    if (password.length < MIN_SECRET_LENGTH) continue;
    secrets.add(password);
    secrets.add(encodeURIComponent(password));
  }
  if (secrets.size === 0) return (text) => text;
  // Longest first, so a password containing another is replaced whole.
  const pattern = new RegExp(
    [...secrets]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join("|"),
    "g",
  );
  return (text) => text.replace(pattern, "***");
}
