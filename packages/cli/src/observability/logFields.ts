// The fields of a log event as both formats print them: Airflow's snake_case names (dag_id,
// run_id, task_id, map_index, try_number), with secrets kept out — a field named like a secret
// prints as ***, and a URL's password (postgres://u:pw@h) is masked wherever it appears.
const SECRET_KEY = /password|passwd|secret|token|authorization|api_?key|credential/i;
const URL_PASSWORD = /\/\/([^:/@\s]*):[^@/\s]*@/g;

/** The mask printed in place of a secret. */
export const MASK = "***";

const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Masks the password of every URL in `text`. */
export function maskUrlPasswords(text: string): string {
  return text.replace(URL_PASSWORD, `//$1:${MASK}@`);
}

function safeValue(value: unknown): unknown {
  if (typeof value === "string") return maskUrlPasswords(value);
  if (value instanceof Error) return maskUrlPasswords(value.message);
  return value;
}

/** snake_case keys, undefined dropped, secrets masked; order kept. */
export function logFields(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const name = snake(key);
    out[name] = SECRET_KEY.test(name) ? MASK : safeValue(value);
  }
  return out;
}
