// Sends alert emails through an Airflow SMTP connection with nodemailer. One SMTP session per
// send (no pool): alerts are rare, and an idle pooled socket would outlive the dispatcher's
// shutdown. The dispatcher retries, so a failed send rejects at once with a typed error.
import { hostname } from "node:os";
import { createTransport } from "nodemailer";
import type { NodemailerError } from "nodemailer";
import type { Connection } from "@updraft/sdk";
import { NotificationDeliveryError, redactSecrets } from "../errors";
import type { SmtpSettings } from "./smtpSettings";
import { compileSmtpSettings } from "./smtpSettings";

/** Options of createSmtpTransport. */
export interface SmtpTransportOptions {
  /**
   * The longest one send may take, from connecting to the server's last reply; each socket
   * wait (connect, greeting, every reply) is bounded by it as well.
   * @default the connection's `timeout` extra in seconds × 1000, else 30000
   */
  readonly timeoutMs?: number;
}

/** One email to send. */
export interface OutgoingEmail {
  /** @default the connection's `from_email` extra, else `updraft@<this machine's hostname>` */
  readonly from?: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Sends emails through one SMTP connection. */
export interface SmtpTransport {
  /** Resolves once the server accepted the message; rejects with NotificationDeliveryError. */
  send(message: OutgoingEmail): Promise<void>;
  /** Releases the transport; later sends reject. */
  close(): void;
}

/**
 * A transport for an Airflow `smtp` connection (host, port, login, password; extras
 * `from_email`, `disable_ssl`, `disable_tls`, `timeout`, `ssl_context`). An unusable connection
 * (no host, a malformed extra) does not throw here: each send rejects, naming the problem.
 */
export function createSmtpTransport(
  connection: Connection,
  options: SmtpTransportOptions = {},
): SmtpTransport {
  const compiled = compileSmtpSettings(connection, {
    timeoutMs: options.timeoutMs,
    hostname: hostname(),
  });
  const fail = (reason: string, permanent: boolean, status?: number): NotificationDeliveryError =>
    new NotificationDeliveryError({
      channel: "email",
      connId: connection.conn_id,
      reason: redactSecrets(reason, [connection.password, base64(connection.password)]),
      permanent,
      ...(status === undefined ? {} : { status }),
    });
  if (!compiled.ok) {
    const error = fail(compiled.reason, true);
    return { send: () => Promise.reject(error), close: () => undefined };
  }
  const settings = compiled.settings;
  const mailer = createMailer(settings);
  let closed = false;
  return {
    async send(message) {
      if (closed) throw fail("the transport is closed", false);
      if (message.to.length === 0) throw fail("the message has no recipients", true);
      try {
        await mailer.sendMail({
          from: message.from ?? settings.from,
          to: [...message.to],
          subject: message.subject,
          text: message.text,
          html: message.html,
          // Socket timeouts bound each wait; this bounds the whole send (a slow-drip server).
          signal: AbortSignal.timeout(settings.timeoutMs),
        });
      } catch (error) {
        const reason = describeSmtpError(error, settings);
        throw fail(reason, isPermanent(error), (error as NodemailerError).responseCode);
      }
    },
    close() {
      closed = true;
      mailer.close();
    },
  };
}

function createMailer(settings: SmtpSettings) {
  return createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    // Airflow calls starttls() unconditionally unless disable_tls: a server without STARTTLS
    // fails the send rather than receiving the password in clear text.
    requireTLS: !settings.secure && settings.startTls,
    ignoreTLS: !settings.secure && !settings.startTls,
    ...(settings.auth ? { auth: settings.auth } : {}),
    connectionTimeout: settings.timeoutMs,
    greetingTimeout: settings.timeoutMs,
    socketTimeout: settings.timeoutMs,
    dnsTimeout: settings.timeoutMs,
    tls: { rejectUnauthorized: settings.verifyCertificate },
    // Alert content is user data: never let it make nodemailer read files or fetch URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
  });
}

function describeSmtpError(error: unknown, settings: SmtpSettings): string {
  const server = `${settings.host}:${settings.port}`;
  // By shape, not instanceof: socket errors come from Node's realm, not always the caller's.
  if (typeof error !== "object" || error === null || !("message" in error)) {
    return `${String(error)} (server ${server})`;
  }
  const e = error as NodemailerError;
  if (e.code === "EABORT") return `no answer within ${settings.timeoutMs} ms (server ${server})`;
  const code = e.originalCode ?? e.code;
  return `${e.message}${code ? ` (${code}, server ${server})` : ` (server ${server})`}`;
}

/** A 5xx reply or refused credentials will be refused again; network trouble may pass. */
function isPermanent(error: unknown): boolean {
  const e = error as NodemailerError;
  return (
    e.permanent === true || e.code === "EAUTH" || e.code === "ENOAUTH" || e.code === "EENVELOPE"
  );
}

function base64(secret: string | null): string | null {
  return secret ? Buffer.from(secret, "utf8").toString("base64") : null;
}
