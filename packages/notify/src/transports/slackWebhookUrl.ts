// The webhook URL of an Airflow `slackwebhook` connection, built as Airflow's SlackWebhookHook
// builds it: the password is the token (`T000/B000/XXX`) or a whole URL; a token is appended to
// the host, which defaults to hooks.slack.com/services, with the schema (default https).

/** The URL, or why the connection has none. */
export type SlackWebhookUrlResult =
  { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: string };

/** The connection fields the URL is built from. */
export interface SlackWebhookUrlFields {
  readonly host: string | null;
  readonly schema: string | null;
  readonly password: string | null;
}

/** Builds the webhook URL from a connection's fields (pure). */
export function resolveSlackWebhookUrl(connection: SlackWebhookUrlFields): SlackWebhookUrlResult {
  const token = connection.password?.trim();
  if (!token) {
    return { ok: false, reason: "the connection has no password (the webhook token or URL)" };
  }
  let text: string;
  if (token.includes("://")) {
    text = token;
  } else {
    const host = connection.host?.trim();
    const base =
      host && host.includes("://")
        ? host
        : `${connection.schema?.trim() || "https"}://${host || "hooks.slack.com/services"}`;
    text = `${base.replace(/\/+$/, "")}/${token.replace(/^\/+/, "")}`.replace(/\/+$/, "");
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // The text holds the token: the reason must not quote it.
    return { ok: false, reason: "the webhook URL built from the connection is not a valid URL" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { ok: false, reason: `the webhook URL must be http(s), not ${url.protocol}` };
  }
  return { ok: true, url: url.href };
}
