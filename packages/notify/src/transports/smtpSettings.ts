// How an SMTP connection is read, following Airflow's SMTP provider (SmtpHook): implicit TLS
// unless the `disable_ssl` extra is set, STARTTLS on a plain connection unless `disable_tls`,
// port 465 with SSL and 587 without, a login only when both login and password are set.
import type { Connection } from "@updraft/sdk";

/** The settings a send uses, compiled once from a connection. */
export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  /** Implicit TLS from the first byte (SMTPS). */
  readonly secure: boolean;
  /** On a plain connection, insist on STARTTLS (true) or never try it (false). */
  readonly startTls: boolean;
  readonly auth: { readonly user: string; readonly pass: string } | null;
  /** The sender when a message names none. */
  readonly from: string;
  /** The longest one send may take, and each socket wait within it. */
  readonly timeoutMs: number;
  /** Check the server's certificate; the `ssl_context` extra "none" turns this off. */
  readonly verifyCertificate: boolean;
}

/** Compiled settings, or why the connection cannot be used. */
export type SmtpSettingsResult =
  | { readonly ok: true; readonly settings: SmtpSettings }
  | { readonly ok: false; readonly reason: string };

/** What the settings depend on besides the connection. */
export interface SmtpSettingsInputs {
  /** Overrides the connection's `timeout` extra. */
  readonly timeoutMs?: number | undefined;
  /** This machine's name, for the default sender `updraft@<hostname>`. */
  readonly hostname: string;
}

/** Airflow's SmtpHook default for the `timeout` extra, in seconds. */
const DEFAULT_TIMEOUT_SECONDS = 30;

/** Reads an SMTP connection the way Airflow's SmtpHook does (pure). */
export function compileSmtpSettings(
  connection: Connection,
  inputs: SmtpSettingsInputs,
): SmtpSettingsResult {
  const extra = connection.extra_dejson;
  const host = connection.host?.trim();
  if (!host) return { ok: false, reason: "the connection has no host" };
  try {
    const secure = !readFlag(extra, "disable_ssl");
    const sslContext = extra["ssl_context"];
    if (sslContext !== undefined && sslContext !== "default" && sslContext !== "none") {
      throw new SettingError("ssl_context", 'expected "default" or "none"', sslContext);
    }
    const fromEmail = extra["from_email"];
    if (fromEmail !== undefined && (typeof fromEmail !== "string" || fromEmail.trim() === "")) {
      throw new SettingError("from_email", "expected an email address", fromEmail);
    }
    return {
      ok: true,
      settings: {
        host,
        port: connection.port ?? (secure ? 465 : 587),
        secure,
        startTls: !readFlag(extra, "disable_tls"),
        auth:
          connection.login && connection.password
            ? { user: connection.login, pass: connection.password }
            : null,
        from: fromEmail ?? `updraft@${inputs.hostname}`,
        timeoutMs: inputs.timeoutMs ?? readSeconds(extra, "timeout") * 1000,
        verifyCertificate: sslContext !== "none",
      },
    };
  } catch (error) {
    if (error instanceof SettingError) return { ok: false, reason: error.message };
    throw error;
  }
}

/** A bad extra; caught inside compileSmtpSettings and returned as a reason. */
class SettingError extends Error {
  constructor(key: string, expected: string, got: unknown) {
    super(`extra "${key}": ${expected}, got ${JSON.stringify(got) ?? typeof got}`);
  }
}

/** Airflow reads these with bool(); JSON booleans and the strings "true"/"false" are accepted. */
function readFlag(extra: Record<string, unknown>, key: string): boolean {
  const value = extra[key];
  if (value === undefined || value === null) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value.trim())) {
    return value.trim().toLowerCase() === "true";
  }
  throw new SettingError(key, "expected true or false", value);
}

function readSeconds(extra: Record<string, unknown>, key: string): number {
  const value = extra[key];
  if (value === undefined || value === null) return DEFAULT_TIMEOUT_SECONDS;
  const seconds = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0) return seconds;
  throw new SettingError(key, "expected a number of seconds > 0", value);
}
