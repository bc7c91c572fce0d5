// Airflow's [smtp] config section (AIRFLOW__SMTP__SMTP_HOST, …) as an SMTP connection, so a
// deployment configured the Airflow 2 way sends alerts without defining `smtp_default`.
// The composition root passes the environment in; this module never reads process.env.
import { Connection } from "@updraft/sdk";
import { InvalidNotifyConfigError } from "../errors";

/** The id of the connection built from the [smtp] section (Airflow's [email] email_conn_id). */
export const AIRFLOW_CONFIG_SMTP_CONN_ID = "smtp_default";

const PREFIX = "AIRFLOW__SMTP__";

const PORT = { max: 65535, expected: "expected a port number 1-65535" };
const SECONDS = {
  max: Number.MAX_SAFE_INTEGER,
  expected: "expected a whole number of seconds >= 1",
};

/**
 * Builds an `smtp` connection from Airflow's [smtp] settings, with Airflow's defaults: port 25,
 * STARTTLS on, SSL off, timeout 30 s; SMTP_MAIL_FROM becomes the `from_email` extra. Returns
 * null when AIRFLOW__SMTP__SMTP_HOST is not set. Throws InvalidNotifyConfigError naming the
 * variable when a value has the wrong form (pure).
 */
export function smtpConnectionFromAirflowConfig(
  env: Readonly<Record<string, string | undefined>>,
): Connection | null {
  const read = (key: string): string | undefined => {
    const value = env[PREFIX + key]?.trim();
    return value === "" ? undefined : value;
  };
  const host = read("SMTP_HOST");
  if (host === undefined) return null;
  const mailFrom = read("SMTP_MAIL_FROM");
  return new Connection({
    conn_id: AIRFLOW_CONFIG_SMTP_CONN_ID,
    conn_type: "smtp",
    host,
    port: readInteger("SMTP_PORT", read("SMTP_PORT"), 25, PORT),
    login: read("SMTP_USER") ?? null,
    // The password is kept as given: leading or trailing spaces may belong to it.
    password: env[`${PREFIX}SMTP_PASSWORD`] || null,
    extra: {
      disable_ssl: !readBoolean("SMTP_SSL", read("SMTP_SSL"), false),
      disable_tls: !readBoolean("SMTP_STARTTLS", read("SMTP_STARTTLS"), true),
      timeout: readInteger("SMTP_TIMEOUT", read("SMTP_TIMEOUT"), 30, SECONDS),
      ...(mailFrom === undefined ? {} : { from_email: mailFrom }),
    },
  });
}

/** Airflow's conf.getboolean: t/true/1 and f/false/0, in any case. */
function readBoolean(key: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  const lower = value.toLowerCase();
  if (lower === "t" || lower === "true" || lower === "1") return true;
  if (lower === "f" || lower === "false" || lower === "0") return false;
  throw invalid(key, "expected True or False", value);
}

function readInteger(
  key: string,
  value: string | undefined,
  fallback: number,
  form: { readonly max: number; readonly expected: string },
): number {
  if (value === undefined) return fallback;
  const number = /^\d+$/.test(value) ? Number(value) : NaN;
  if (number >= 1 && number <= form.max) return number;
  throw invalid(key, form.expected, value);
}

function invalid(key: string, expected: string, value: string): InvalidNotifyConfigError {
  return new InvalidNotifyConfigError(
    "INVALID_NOTIFY_CONFIG",
    `${PREFIX}${key}: ${expected}, got ${JSON.stringify(value)}`,
    { details: { variable: PREFIX + key } },
  );
}
