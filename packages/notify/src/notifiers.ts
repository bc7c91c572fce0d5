// The notifiers DAG files use as callbacks (Airflow's BaseNotifier, SmtpNotifier,
// SlackWebhookNotifier): `onFailure: new SlackWebhookNotifier({ channel: "#data-alerts" })`.
// A notifier only says where a notification goes and, optionally, its wording; the worker (or,
// for DAG-level callbacks, the scheduler) records it with the facts of the try or run, and the
// dispatcher delivers it from the outbox, so a notifier never blocks or fails a task.
import {
  type CallbackContext,
  type DagCallbackContext,
  DagDefinitionError,
  type NotificationRequest,
} from "@updraft/sdk";

function invalid(field: string, expected: string, value: unknown): never {
  throw new DagDefinitionError(
    "INVALID_ARGUMENT",
    `${field}: expected ${expected}, got ${JSON.stringify(value)}`,
    { details: { field, value } },
  );
}

function optionalText(field: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value === "") invalid(field, "a non-empty string", value);
  return value;
}

function connId(field: string, value: unknown, fallback: string): string {
  return optionalText(field, value) ?? fallback;
}

/** A notifier: hands its requests to the callback context's notification sink. */
export abstract class BaseNotifier {
  /** What this notifier asks for on each call. */
  abstract requests(): readonly NotificationRequest[];

  /** Called as a task or DAG callback. */
  async notify(context: CallbackContext | DagCallbackContext): Promise<void> {
    for (const request of this.requests()) await context.notifications.send(request);
  }
}

/** Options of SmtpNotifier (Airflow's SmtpNotifier: to, subject, smtp_conn_id). */
export interface SmtpNotifierOptions {
  /** Recipients. */
  readonly to: string | readonly string[];
  /** Replaces the default subject; a template rendered with the task's context. */
  readonly subject?: string;
  /** Replaces the default opening text; a template. */
  readonly text?: string;
  /** @default "smtp_default" */
  readonly smtpConnId?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Sends an email through an SMTP connection. */
export class SmtpNotifier extends BaseNotifier {
  readonly #request: NotificationRequest;

  constructor(options: SmtpNotifierOptions) {
    super();
    const to = typeof options.to === "string" ? [options.to] : options.to;
    if (
      !Array.isArray(to) ||
      to.length === 0 ||
      to.some((a) => typeof a !== "string" || !EMAIL.test(a))
    )
      invalid("SmtpNotifier.to", "one or more email addresses", options.to);
    const subject = optionalText("SmtpNotifier.subject", options.subject);
    const text = optionalText("SmtpNotifier.text", options.text);
    this.#request = {
      channel: "email",
      connId: connId("SmtpNotifier.smtpConnId", options.smtpConnId, "smtp_default"),
      to: [...(to as readonly string[])],
      ...(subject === undefined ? {} : { subject }),
      ...(text === undefined ? {} : { text }),
    };
  }

  requests(): readonly NotificationRequest[] {
    return [this.#request];
  }
}

/** Options of SlackWebhookNotifier (Airflow's: slack_webhook_conn_id, text, channel). */
export interface SlackWebhookNotifierOptions {
  /** @default "slack_default" */
  readonly slackWebhookConnId?: string;
  /** Posts to this channel instead of the webhook's own (legacy webhooks allow it). */
  readonly channel?: string;
  /** Replaces the default header text; a template rendered with the task's context. */
  readonly subject?: string;
  /** Replaces the default opening text; a template. */
  readonly text?: string;
}

/** Posts to Slack through an incoming-webhook connection. */
export class SlackWebhookNotifier extends BaseNotifier {
  readonly #request: NotificationRequest;

  constructor(options: SlackWebhookNotifierOptions = {}) {
    super();
    const channel = optionalText("SlackWebhookNotifier.channel", options.channel);
    const subject = optionalText("SlackWebhookNotifier.subject", options.subject);
    const text = optionalText("SlackWebhookNotifier.text", options.text);
    this.#request = {
      channel: "slack",
      connId: connId(
        "SlackWebhookNotifier.slackWebhookConnId",
        options.slackWebhookConnId,
        "slack_default",
      ),
      ...(channel === undefined ? {} : { slackChannel: channel }),
      ...(subject === undefined ? {} : { subject }),
      ...(text === undefined ? {} : { text }),
    };
  }

  requests(): readonly NotificationRequest[] {
    return [this.#request];
  }
}
