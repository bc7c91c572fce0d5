// Posts alert messages to a Slack incoming webhook with @slack/webhook. The webhook URL is a
// secret (whoever has it can post), so errors name the connection and Slack's answer, never
// the URL. The dispatcher retries, so the library's own retries stay off.
import { ErrorCode, IncomingWebhook } from "@slack/webhook";
import type { FetchFunction, IncomingWebhookHTTPError } from "@slack/webhook";
import type { Connection } from "@updraft/sdk";
import { NotificationDeliveryError, redactSecrets } from "../errors";
import type { SlackMessage } from "../format/slackMessage";
import { resolveSlackWebhookUrl } from "./slackWebhookUrl";

/** Options of createSlackWebhookTransport. */
export interface SlackWebhookTransportOptions {
  /**
   * The longest one post may take, connecting included.
   * @default the connection's `timeout` extra in seconds × 1000, else 30000
   */
  readonly timeoutMs?: number;
}

/** Posts messages through one Slack webhook connection. */
export interface SlackWebhookTransport {
  /** Resolves once Slack answered 2xx; rejects with NotificationDeliveryError. */
  send(message: SlackMessage): Promise<void>;
}

/** slack_sdk's WebhookClient default, which Airflow's hook keeps when `timeout` is unset. */
const DEFAULT_TIMEOUT_MS = 30_000;

/** Slack's error bodies are short codes ("no_service"); anything longer is cut. */
const MAX_BODY_CHARS = 200;

/**
 * A transport for an Airflow `slackwebhook` connection: password = webhook token or URL, host =
 * endpoint (default https://hooks.slack.com/services), extra `timeout` in seconds. An unusable
 * connection does not throw here: each send rejects, naming the problem.
 */
export function createSlackWebhookTransport(
  connection: Connection,
  options: SlackWebhookTransportOptions = {},
): SlackWebhookTransport {
  const resolved = resolveSlackWebhookUrl(connection);
  const timeout = options.timeoutMs ?? timeoutFromExtra(connection.extra_dejson["timeout"]);
  const secrets = [connection.password?.trim()];
  if (resolved.ok) {
    // The URL's path holds the token; "/" alone (a bare host) is no secret and must stay.
    const path = new URL(resolved.url).pathname;
    secrets.push(resolved.url, path.length > 1 ? path : undefined);
  }
  const fail = (reason: string, permanent: boolean, status?: number): NotificationDeliveryError =>
    new NotificationDeliveryError({
      channel: "slack",
      connId: connection.conn_id,
      reason: redactSecrets(reason, secrets),
      permanent,
      ...(status === undefined ? {} : { status }),
    });
  if (!resolved.ok) {
    const error = fail(resolved.reason, true);
    return { send: () => Promise.reject(error) };
  }
  if (timeout === null) {
    const error = fail('extra "timeout": expected a number of seconds > 0', true);
    return { send: () => Promise.reject(error) };
  }
  // 8.x posts with fetch and, by default, never times out (timeout 0) and retries nothing; the
  // timeout is always set, and retries are pinned to 0 so a changed default cannot double ours.
  const webhook = new IncomingWebhook(resolved.url, {
    timeout,
    retryConfig: { retries: 0 },
    fetch: fetchInThisRealm,
  });
  return {
    async send(message) {
      try {
        await webhook.send(message);
      } catch (error) {
        if (isHttpError(error)) {
          const body = error.body.trim().slice(0, MAX_BODY_CHARS);
          const status = `HTTP ${error.statusCode}${error.statusMessage ? ` ${error.statusMessage}` : ""}`;
          // A 4xx (bad payload, revoked webhook) will be refused again; 429 and 5xx may pass.
          const permanent = error.statusCode < 500 && error.statusCode !== 429;
          throw fail(
            `Slack answered ${status}: ${body || "(empty body)"}`,
            permanent,
            error.statusCode,
          );
        }
        throw fail(describeRequestError(error, timeout), false);
      }
    },
  };
}

// Errors are matched by shape, not instanceof: fetch's errors come from Node's own realm, which
// differs from the caller's under jest's vm modules (and across duplicated package copies).
interface ErrorLike {
  readonly name: string;
  readonly message: string;
  readonly code?: unknown;
  readonly cause?: unknown;
}

function isErrorLike(value: unknown): value is ErrorLike {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ErrorLike).name === "string" &&
    typeof (value as ErrorLike).message === "string"
  );
}

/**
 * fetch, with what it throws re-created as an Error of this realm. @slack/webhook wraps a
 * non-`instanceof Error` throw as `new Error(String(e))`, losing its name (TimeoutError) and
 * cause (ECONNREFUSED); fetch's errors fail that check whenever realms differ (jest's vm).
 */
const fetchInThisRealm: FetchFunction = async (url, init) => {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (!isErrorLike(error) || error instanceof Error) throw error;
    const cause = isErrorLike(error.cause) ? new Error(error.cause.message) : undefined;
    throw Object.assign(new Error(error.message, { cause }), { name: error.name });
  }
};

function isHttpError(error: unknown): error is IncomingWebhookHTTPError {
  return isErrorLike(error) && error.code === ErrorCode.HTTPError;
}

/** The network reason, e.g. "fetch failed (connect ECONNREFUSED 127.0.0.1:9)" or a timeout. */
function describeRequestError(error: unknown, timeoutMs: number): string {
  // IncomingWebhookRequestError wraps what fetch threw as `original`.
  const original =
    isErrorLike(error) && error.code === ErrorCode.RequestError
      ? (error as unknown as { original: unknown }).original
      : error;
  if (!isErrorLike(original)) return `request failed: ${String(original)}`;
  if (original.name === "TimeoutError" || original.name === "AbortError") {
    return `no answer within ${timeoutMs} ms`;
  }
  // fetch says "fetch failed" and puts the socket error in `cause`.
  const detail = isErrorLike(original.cause) ? ` (${original.cause.message})` : "";
  return `request failed: ${original.message}${detail}`;
}

function timeoutFromExtra(value: unknown): number | null {
  if (value === undefined || value === null || value === "") return DEFAULT_TIMEOUT_MS;
  const seconds = typeof value === "string" ? Number(value) : value;
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0
    ? seconds * 1000
    : null;
}
