// The notify package's errors: UpdraftError with a stable code, matched by `code` (they are
// stored with outbox rows and cross processes, so `instanceof` alone is never enough).
import { UpdraftError } from "@updraft/sdk";

/** Stable codes of errors raised by the notify package. */
export type NotifyErrorCode =
  /** A notification could not be delivered (the message names the channel, connection, reason). */
  | "NOTIFICATION_DELIVERY_FAILED"
  /** The global alert rules are invalid (the message names each offending path). */
  | "INVALID_ALERT_RULES"
  /** A configuration value is invalid (the message names the variable and the expected form). */
  | "INVALID_NOTIFY_CONFIG";

/** The channels a notification goes out on. */
export type DeliveryChannel = "email" | "slack";

/** What a transport knows when a send fails; `reason` must already be free of secrets. */
export interface DeliveryFailure {
  readonly channel: DeliveryChannel;
  readonly connId: string;
  /** The server's answer or the network error, with secrets removed. */
  readonly reason: string;
  /** True when retrying the same message through the same connection would fail again. */
  readonly permanent: boolean;
  /** The SMTP reply code or HTTP status, when the server answered. */
  readonly status?: number;
}

/**
 * A send failed: the server is down, refused the message or the credentials, or did not answer
 * in time. The library's own error is deliberately not attached as `cause`: it can carry the
 * webhook URL (a secret) or SMTP session details, and causes are logged whole.
 */
export class NotificationDeliveryError extends UpdraftError<"NOTIFICATION_DELIVERY_FAILED"> {
  readonly channel: DeliveryChannel;
  readonly connId: string;
  readonly permanent: boolean;
  readonly status: number | undefined;

  constructor(failure: DeliveryFailure) {
    super(
      "NOTIFICATION_DELIVERY_FAILED",
      `${failure.channel} notification through connection "${failure.connId}" failed: ${failure.reason}`,
      {
        details: {
          channel: failure.channel,
          connId: failure.connId,
          permanent: failure.permanent,
          ...(failure.status === undefined ? {} : { status: failure.status }),
        },
      },
    );
    this.channel = failure.channel;
    this.connId = failure.connId;
    this.permanent = failure.permanent;
    this.status = failure.status;
  }
}

/** The alert rules do not match the schema; `issues` has one `path: expected …, got …` each. */
export class InvalidAlertRulesError extends UpdraftError<"INVALID_ALERT_RULES"> {
  readonly issues: readonly string[];

  constructor(issues: readonly string[]) {
    super("INVALID_ALERT_RULES", issues.join("\n"), { details: { issues: [...issues] } });
    this.issues = issues;
  }
}

/** A configuration value (an environment variable) has the wrong form. */
export class InvalidNotifyConfigError extends UpdraftError<"INVALID_NOTIFY_CONFIG"> {}

/** Replaces every occurrence of each secret in `text` by `***` (empty secrets are ignored). */
export function redactSecrets(
  text: string,
  secrets: readonly (string | null | undefined)[],
): string {
  let redacted = text;
  for (const secret of secrets) {
    if (secret) redacted = redacted.split(secret).join("***");
  }
  return redacted;
}
