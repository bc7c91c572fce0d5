import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Connection, hasErrorCode } from "@updraft/sdk";
import { FakeSlack } from "@updraft/testing";
import type { NotificationDeliveryError } from "../src/errors";
import { rejection } from "./deliveryRejection";
import { formatSlack } from "../src/format/slackMessage";
import { createSlackWebhookTransport } from "../src/transports/slackWebhookTransport";
import { taskFailure } from "./alertFactsFixture";

const TOKEN = "T0001/B0002/SecretWebhookToken";

function connection(host: string, extra: Record<string, unknown> = {}): Connection {
  return new Connection({
    conn_id: "slack_alerts",
    conn_type: "slackwebhook",
    host,
    password: TOKEN,
    extra,
  });
}

function expectNoSecret(error: NotificationDeliveryError): void {
  for (const text of [error.message, JSON.stringify(error), String(error.stack)]) {
    expect(text).not.toContain("SecretWebhookToken");
    expect(text).not.toContain("B0002");
  }
}

describe("createSlackWebhookTransport against a real HTTP server", () => {
  const slack = new FakeSlack();

  beforeAll(() => slack.start());
  afterAll(() => slack.stop());
  beforeEach(() => {
    slack.received.length = 0;
    slack.reply = (res) => res.end("ok");
  });

  test("posts formatSlack's payload as JSON to <host>/<token>", async () => {
    const message = formatSlack(taskFailure(), "#data-alerts");
    await createSlackWebhookTransport(connection(`http://127.0.0.1:${slack.port}/services`)).send(
      message,
    );
    expect(slack.received).toEqual([
      {
        method: "POST",
        url: `/services/${TOKEN}`,
        contentType: "application/json",
        body: JSON.parse(JSON.stringify(message)),
      },
    ]);
  });

  test("posts to a full webhook URL given as the password", async () => {
    const full = new Connection({
      conn_id: "slack_alerts",
      conn_type: "slackwebhook",
      password: `http://127.0.0.1:${slack.port}/services/${TOKEN}`,
    });
    await createSlackWebhookTransport(full).send(formatSlack(taskFailure()));
    expect(slack.received.map((r) => r.url)).toEqual([`/services/${TOKEN}`]);
  });

  test.each([
    [404, "no_service", true],
    [400, "invalid_blocks", true],
    [429, "rate_limited", false],
    [500, "internal_error", false],
  ])(
    "rejects an HTTP %p (%p) once, naming the status and body but not the token",
    async (status, body, permanent) => {
      slack.reply = (res) => {
        res.statusCode = status;
        res.end(body);
      };
      const transport = createSlackWebhookTransport(connection(`http://127.0.0.1:${slack.port}`));
      const error = await rejection(transport.send(formatSlack(taskFailure())));
      expect(hasErrorCode(error, "NOTIFICATION_DELIVERY_FAILED")).toBe(true);
      expect(error.message).toMatch(
        new RegExp(
          `^slack notification through connection "slack_alerts" failed: Slack answered HTTP ${status} .*: ${body}$`,
        ),
      );
      expect(error).toMatchObject({ channel: "slack", connId: "slack_alerts", status, permanent });
      expectNoSecret(error);
      // The dispatcher retries; the library must not.
      expect(slack.received).toHaveLength(1);
    },
  );

  test("rejects within the timeout when Slack does not answer", async () => {
    slack.reply = () => undefined; // never answers; stop() closes the connection
    const transport = createSlackWebhookTransport(connection(`http://127.0.0.1:${slack.port}`), {
      timeoutMs: 300,
    });
    const started = Date.now();
    const error = await rejection(transport.send(formatSlack(taskFailure())));
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(3000);
    expect(error.message).toBe(
      'slack notification through connection "slack_alerts" failed: no answer within 300 ms',
    );
    expect(error.permanent).toBe(false);
  });

  test("reads the timeout from the connection's extra, in seconds", async () => {
    slack.reply = () => undefined;
    const transport = createSlackWebhookTransport(
      connection(`http://127.0.0.1:${slack.port}`, { timeout: 0.2 }),
    );
    const error = await rejection(transport.send(formatSlack(taskFailure())));
    expect(error.message).toContain("no answer within 200 ms");
  });
});

describe("createSlackWebhookTransport without a server", () => {
  test("rejects when the connection is refused, without the token", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const error = await rejection(
      createSlackWebhookTransport(connection(`http://127.0.0.1:${port}`), { timeoutMs: 2000 }).send(
        formatSlack(taskFailure()),
      ),
    );
    expect(error.message).toMatch(
      /^slack notification through connection "slack_alerts" failed: request failed: /,
    );
    expect(error.message).toContain("ECONNREFUSED");
    expect(error.permanent).toBe(false);
    expectNoSecret(error);
  });

  test.each([
    [
      "no password",
      { password: null },
      "the connection has no password (the webhook token or URL)",
    ],
    [
      "a bad timeout extra",
      { extra: { timeout: "soon" } },
      'extra "timeout": expected a number of seconds > 0',
    ],
  ])("rejects every send of a connection with %s, permanently", async (_case, fields, reason) => {
    const bad = new Connection({
      conn_id: "slack_alerts",
      conn_type: "slackwebhook",
      password: TOKEN,
      ...fields,
    });
    const error = await rejection(
      createSlackWebhookTransport(bad).send(formatSlack(taskFailure())),
    );
    expect(error.message).toBe(
      `slack notification through connection "slack_alerts" failed: ${reason}`,
    );
    expect(error.permanent).toBe(true);
  });
});
