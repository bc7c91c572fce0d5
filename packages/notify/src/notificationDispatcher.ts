// The notification dispatcher: delivers the outbox. Woken when a notification is recorded
// (LISTEN/NOTIFY) and every `pollIntervalMs`, it records recoveries and summaries that are due,
// then claims due notifications, renders each for its channel and sends it. A failed attempt is
// retried with exponential backoff; after `maxAttempts` the notification is marked failed and
// logged. It runs beside the scheduler loop, never inside it: an SMTP or Slack outage slows
// nothing but the alerts themselves.
import { EventEmitter } from "node:events";
import type { Connection } from "@updraft/sdk";
import {
  claimDueNotifications,
  completeNotification,
  NOTIFICATIONS_CHANNEL,
  type NotificationRow,
  type SqlClient,
} from "@updraft/store";
import type { AlertFacts } from "./alertFacts";
import { recordRecoveries, recordSummaries } from "./alertFollowUps";
import { alertUrl } from "./alertLinks";
import { NotificationDeliveryError } from "./errors";
import { formatEmail } from "./format/emailMessage";
import { formatSlack } from "./format/slackMessage";
import { createSlackWebhookTransport } from "./transports/slackWebhookTransport";
import { createSmtpTransport } from "./transports/smtpTransport";

/** Where the dispatcher writes what it does. */
export interface DispatcherLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Options of the NotificationDispatcher. */
export interface NotificationDispatcherOptions {
  readonly client: SqlClient;
  /** A connection by id (the composition root reads the environment, then the store). */
  readonly connection: (connId: string) => Promise<Connection | null>;
  /** The UI's base URL, for links to the task's log. @default null (no links) */
  readonly baseUrl?: string | null;
  /** An alert's throttle window. @default 900 */
  readonly windowSeconds?: number;
  /** Attempts before a notification is marked failed. @default 8 */
  readonly maxAttempts?: number;
  /** Delay before the second attempt; doubles each attempt. @default 5000 */
  readonly retryDelayMs?: number;
  /** @default 300000 */
  readonly maxRetryDelayMs?: number;
  /** @default 1000 */
  readonly pollIntervalMs?: number;
  /** One send's timeout. @default 10000 */
  readonly sendTimeoutMs?: number;
  /** Notifications claimed at a time. @default 20 */
  readonly batchSize?: number;
  readonly logger?: DispatcherLogger;
  readonly clock?: () => Date;
}

/** What one pass did. */
export interface DispatchReport {
  readonly recovered: number;
  readonly summarized: number;
  readonly sent: number;
  /** Attempts that failed and will be retried. */
  readonly retried: number;
  /** Notifications given up on (undeliverable). */
  readonly failed: number;
}

/** One delivery attempt's end, emitted as `delivery` (metrics count alerts by channel and outcome). */
export interface NotificationDeliveryEvent {
  readonly channel: NotificationRow["channel"];
  /** sent; retried (failed, will be tried again); failed (given up on). */
  readonly outcome: "sent" | "retried" | "failed";
  readonly event: NotificationRow["event"];
  readonly dagId: string;
}

const noop = (): void => undefined;
const quiet: DispatcherLogger = { info: noop, warn: noop, error: noop };

/** The delay after attempt `attempt` (1-based) failed: retryDelay × 2^(attempt−1), capped. */
export function retryDelayAfter(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * Delivers the notification outbox; see the module comment. Emits `pass` (a DispatchReport),
 * `delivery` (a NotificationDeliveryEvent per attempt) and `error`.
 */
export class NotificationDispatcher extends EventEmitter {
  readonly #o: Required<Omit<NotificationDispatcherOptions, "baseUrl">> & {
    readonly baseUrl: string | null;
  };
  #timer: NodeJS.Timeout | null = null;
  #unlisten: (() => Promise<void>) | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = true;

  constructor(options: NotificationDispatcherOptions) {
    super();
    const positive = (name: string, value: number | undefined, fallback: number): number => {
      const v = value ?? fallback;
      if (!Number.isFinite(v) || v <= 0)
        throw new RangeError(`${name}: expected a positive number, got ${String(value)}`);
      return v;
    };
    this.#o = {
      client: options.client,
      connection: options.connection,
      baseUrl: options.baseUrl ?? null,
      windowSeconds: positive("windowSeconds", options.windowSeconds, 900),
      maxAttempts: positive("maxAttempts", options.maxAttempts, 8),
      retryDelayMs: positive("retryDelayMs", options.retryDelayMs, 5000),
      maxRetryDelayMs: positive("maxRetryDelayMs", options.maxRetryDelayMs, 300_000),
      pollIntervalMs: positive("pollIntervalMs", options.pollIntervalMs, 1000),
      sendTimeoutMs: positive("sendTimeoutMs", options.sendTimeoutMs, 10_000),
      batchSize: positive("batchSize", options.batchSize, 20),
      logger: options.logger ?? quiet,
      clock: options.clock ?? (() => new Date()),
    };
  }

  /** Listens for recorded notifications and polls; resolves once listening. */
  async start(): Promise<void> {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#unlisten = await this.#o.client.listen(NOTIFICATIONS_CHANNEL, () => this.wake());
    this.#timer = setInterval(() => this.wake(), this.#o.pollIntervalMs);
    this.wake();
  }

  /** Stops after the pass in progress. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    await this.#unlisten?.();
    this.#unlisten = null;
    await this.#running;
  }

  /** Asks for a pass as soon as the current one ends. */
  wake(): void {
    if (this.#stopped) return;
    this.#again = true;
    this.#running ??= (async () => {
      while (this.#again && !this.#stopped) {
        this.#again = false;
        try {
          const report = await this.runOnce();
          this.emit("pass", report);
        } catch (error) {
          this.#o.logger.error("notification pass failed", { error: String(error) });
          if (this.listenerCount("error") > 0) this.emit("error", error);
          return;
        }
      }
    })().finally(() => {
      this.#running = null;
    });
  }

  /** One pass: follow-ups due, then every due notification (in batches). */
  async runOnce(): Promise<DispatchReport> {
    const now = this.#o.clock();
    const window = { windowSeconds: this.#o.windowSeconds, now };
    const recovered = await recordRecoveries(this.#o.client, window);
    const summarized = await recordSummaries(this.#o.client, window);
    let sent = 0;
    let retried = 0;
    let failed = 0;
    for (;;) {
      const claimed = await claimDueNotifications(this.#o.client, {
        limit: this.#o.batchSize,
        // Longer than any send can take, so a live dispatcher's claim never expires under it.
        leaseSeconds: Math.ceil((2 * this.#o.sendTimeoutMs) / 1000) + 30,
        now: this.#o.clock(),
      });
      const outcomes = await Promise.all(claimed.map((n) => this.#deliver(n)));
      for (const [i, outcome] of outcomes.entries()) {
        const n = claimed[i]!;
        const delivery: NotificationDeliveryEvent = {
          channel: n.channel,
          outcome,
          event: n.event,
          dagId: n.dagId,
        };
        this.emit("delivery", delivery);
        if (outcome === "sent") sent++;
        else if (outcome === "retried") retried++;
        else failed++;
      }
      if (claimed.length < this.#o.batchSize || this.#stopped) break;
    }
    return { recovered, summarized, sent, retried, failed };
  }

  async #deliver(n: NotificationRow): Promise<"sent" | "retried" | "failed"> {
    const log = { id: n.id, event: n.event, channel: n.channel, connId: n.connId, dagId: n.dagId };
    try {
      await this.#send(n);
      await completeNotification(this.#o.client, { id: n.id, outcome: { sent: true } });
      this.#o.logger.info("notification sent", log);
      return "sent";
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      // A refusal that would repeat (bad credentials, unknown webhook) is not retried.
      const permanent = e instanceof NotificationDeliveryError && e.permanent;
      const last = permanent || n.attempts >= this.#o.maxAttempts;
      const retryAt = last
        ? null
        : new Date(
            this.#o.clock().getTime() +
              retryDelayAfter(n.attempts, this.#o.retryDelayMs, this.#o.maxRetryDelayMs),
          );
      await completeNotification(this.#o.client, {
        id: n.id,
        outcome: { sent: false, error, retryAt },
      });
      if (last)
        this.#o.logger.error("notification undeliverable", { ...log, attempts: n.attempts, error });
      else
        this.#o.logger.warn("notification not delivered; will retry", { ...log, error, retryAt });
      return last ? "failed" : "retried";
    }
  }

  async #send(n: NotificationRow): Promise<void> {
    const stored = n.facts as unknown as AlertFacts;
    const facts: AlertFacts = { ...stored, url: alertUrl(stored, this.#o.baseUrl) };
    const connection = await this.#o.connection(n.connId);
    if (connection === null)
      // Not permanent: the connection may be added before the next attempt.
      throw new NotificationDeliveryError({
        channel: n.channel,
        connId: n.connId,
        reason: "no such connection",
        permanent: false,
      });
    const timeoutMs = this.#o.sendTimeoutMs;
    if (n.channel === "email") {
      const to = Array.isArray(n.target.to) ? (n.target.to as string[]) : [];
      if (to.length === 0)
        throw new NotificationDeliveryError({
          channel: n.channel,
          connId: n.connId,
          reason: "no recipients",
          permanent: true,
        });
      const transport = createSmtpTransport(connection, { timeoutMs });
      try {
        await transport.send({ to, ...formatEmail(facts) });
      } finally {
        transport.close();
      }
    } else {
      const channel = typeof n.target.channel === "string" ? n.target.channel : undefined;
      await createSlackWebhookTransport(connection, { timeoutMs }).send(
        formatSlack(facts, channel),
      );
    }
  }
}
