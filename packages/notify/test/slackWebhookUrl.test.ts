import { resolveSlackWebhookUrl } from "../src/transports/slackWebhookUrl";

const fields = (host: string | null, password: string | null, schema: string | null = null) => ({
  host,
  password,
  schema,
});

describe("resolveSlackWebhookUrl (Airflow's SlackWebhookHook)", () => {
  test.each([
    [
      "a token, default host",
      fields(null, "T000/B000/XXX"),
      "https://hooks.slack.com/services/T000/B000/XXX",
    ],
    [
      "a token with a leading slash",
      fields(null, " /T000/B000/XXX "),
      "https://hooks.slack.com/services/T000/B000/XXX",
    ],
    [
      "a host without scheme",
      fields("hooks.example.com/hooks/", "T0/B0/X"),
      "https://hooks.example.com/hooks/T0/B0/X",
    ],
    [
      "a host with scheme",
      fields("http://127.0.0.1:8080", "T0/B0/X"),
      "http://127.0.0.1:8080/T0/B0/X",
    ],
    [
      "the connection's schema",
      fields("127.0.0.1:8080", "T0/B0/X", "http"),
      "http://127.0.0.1:8080/T0/B0/X",
    ],
    [
      "a whole URL as password, ignoring the host",
      fields("ignored.example.com", "https://hooks.slack.com/services/T1/B1/Y"),
      "https://hooks.slack.com/services/T1/B1/Y",
    ],
  ])("builds the URL from %s", (_case, connection, url) => {
    expect(resolveSlackWebhookUrl(connection)).toEqual({ ok: true, url });
  });

  test.each([
    [
      "no password",
      fields(null, null),
      "the connection has no password (the webhook token or URL)",
    ],
    [
      "a blank password",
      fields(null, "  "),
      "the connection has no password (the webhook token or URL)",
    ],
    [
      "a URL that does not parse",
      fields("http://bad host", "T0/B0/SECRET"),
      "the webhook URL built from the connection is not a valid URL",
    ],
    [
      "a non-http URL",
      fields(null, "ftp://hooks.example.com/T0"),
      "the webhook URL must be http(s), not ftp:",
    ],
  ])("explains %s without quoting the token", (_case, connection, reason) => {
    expect(resolveSlackWebhookUrl(connection)).toEqual({ ok: false, reason });
  });
});
