import { createServer } from "node:net";
import type { AddressInfo, Server, Socket } from "node:net";
import { hostname } from "node:os";
import { Connection, hasErrorCode } from "@updraft/sdk";
import type { NotificationDeliveryError } from "../src/errors";
import { rejection } from "./deliveryRejection";
import { formatEmail } from "../src/format/emailMessage";
import { createSmtpTransport } from "../src/transports/smtpTransport";
import { taskFailure } from "./alertFactsFixture";
import { type SmtpTestServer, startSmtpTestServer } from "@updraft/testing";

const PASSWORD = "s3cret-Pa55";

function connection(
  port: number,
  overrides: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) {
  return new Connection({
    conn_id: "smtp_test",
    conn_type: "smtp",
    host: "127.0.0.1",
    port,
    login: "updraft-bot",
    password: PASSWORD,
    extra: { disable_ssl: true, disable_tls: true, from_email: "alerts@example.com", ...extra },
    ...overrides,
  });
}

const message = { to: ["oncall@example.com", "lead@example.com"], ...formatEmail(taskFailure()) };

function expectNoSecret(error: NotificationDeliveryError): void {
  const seen = [
    error.message,
    JSON.stringify(error),
    JSON.stringify(error.details),
    String(error.stack),
  ];
  for (const text of seen) {
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(Buffer.from(PASSWORD).toString("base64"));
  }
}

/** A port nothing listens on: bound, then released. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("createSmtpTransport against a real SMTP server", () => {
  let server: SmtpTestServer;

  beforeAll(async () => {
    server = await startSmtpTestServer({ login: "updraft-bot", password: PASSWORD });
  });

  afterAll(async () => {
    await server.close();
  });

  beforeEach(() => {
    server.received.length = 0;
  });

  test("delivers from, to, subject, text and html, logging in with the connection's login", async () => {
    const transport = createSmtpTransport(connection(server.port));
    try {
      await transport.send(message);
    } finally {
      transport.close();
    }
    expect(server.received).toHaveLength(1);
    const [{ envelope, mail }] = server.received as [(typeof server.received)[number]];
    expect(envelope).toEqual({
      from: "alerts@example.com",
      to: ["oncall@example.com", "lead@example.com"],
    });
    expect(mail.from?.text).toBe("alerts@example.com");
    expect(mail.to).toMatchObject({ text: "oncall@example.com, lead@example.com" });
    expect(mail.subject).toBe(message.subject);
    expect(mail.text).toBe(message.text);
    expect(mail.html).toBe(message.html);
  });

  test("sends from the message's sender, else updraft@<hostname> without a from_email extra", async () => {
    const noFrom = connection(server.port, { extra: { disable_ssl: true, disable_tls: true } });
    const transport = createSmtpTransport(noFrom);
    try {
      await transport.send(message);
      await transport.send({ ...message, from: "Updraft <bot@example.com>" });
    } finally {
      transport.close();
    }
    expect(server.received.map((r) => r.envelope.from)).toEqual([
      `updraft@${hostname()}`,
      "bot@example.com",
    ]);
  });

  test("rejects a wrong password with NotificationDeliveryError, without the password", async () => {
    const transport = createSmtpTransport(
      connection(server.port, { password: "wrong-" + PASSWORD }),
    );
    const error = await rejection(transport.send(message));
    transport.close();
    expect(hasErrorCode(error, "NOTIFICATION_DELIVERY_FAILED")).toBe(true);
    expect(error.message).toMatch(/^email notification through connection "smtp_test" failed: /);
    expect(error.message).toContain("535");
    expect(error).toMatchObject({
      channel: "email",
      connId: "smtp_test",
      permanent: true,
      status: 535,
    });
    expectNoSecret(error);
    expect(error.message).not.toContain("wrong-");
    expect(server.received).toHaveLength(0);
  });

  test("rejects a connection without STARTTLS support unless disable_tls is set", async () => {
    const transport = createSmtpTransport(connection(server.port, {}, { disable_tls: false }));
    const error = await rejection(transport.send(message));
    transport.close();
    expect(error.message).toMatch(/STARTTLS/);
    expectNoSecret(error);
    expect(server.received).toHaveLength(0);
  });

  test("rejects sends after close, and a connection without host on every send", async () => {
    const transport = createSmtpTransport(connection(server.port));
    transport.close();
    expect((await rejection(transport.send(message))).message).toContain("the transport is closed");
    const noHost = createSmtpTransport(connection(server.port, { host: null }));
    const error = await rejection(noHost.send(message));
    expect(error.message).toBe(
      'email notification through connection "smtp_test" failed: the connection has no host',
    );
    expect(error.permanent).toBe(true);
  });
});

describe("createSmtpTransport when the server refuses or is unreachable", () => {
  test("rejects when the server answers 451 to the message, as a transient failure", async () => {
    const server = await startSmtpTestServer({ rejectDataWith: 451 });
    const transport = createSmtpTransport(connection(server.port, { login: null, password: null }));
    try {
      const error = await rejection(transport.send(message));
      expect(error.message).toContain("451");
      expect(error.message).toContain("try again later");
      expect(error).toMatchObject({ permanent: false, status: 451 });
    } finally {
      transport.close();
      await server.close();
    }
  });

  test("rejects at once when nothing listens on the port", async () => {
    const port = await freePort();
    const transport = createSmtpTransport(connection(port), { timeoutMs: 2000 });
    const started = Date.now();
    const error = await rejection(transport.send(message));
    transport.close();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error.message).toContain("ECONNREFUSED");
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(error.permanent).toBe(false);
    expectNoSecret(error);
  });

  test("rejects within the timeout when the server accepts but never answers", async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    const transport = createSmtpTransport(connection(port), { timeoutMs: 300 });
    try {
      const started = Date.now();
      const error = await rejection(transport.send(message));
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(250);
      expect(elapsed).toBeLessThan(3000);
      expect(error.permanent).toBe(false);
      expectNoSecret(error);
    } finally {
      transport.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe("createSmtpTransport over TLS (smtp-server's self-signed certificate)", () => {
  test.each([
    ["implicit TLS (SMTPS)", { secure: true }, { disable_ssl: false }],
    [
      "STARTTLS",
      { secure: false, disabledCommands: [] },
      { disable_ssl: true, disable_tls: false },
    ],
  ])(
    "delivers over %s when ssl_context is none, and refuses the certificate otherwise",
    async (_case, serverOptions, extra) => {
      const server = await startSmtpTestServer({
        login: "updraft-bot",
        password: PASSWORD,
        server: serverOptions,
      });
      const trusting = createSmtpTransport(
        connection(server.port, {}, { ...extra, ssl_context: "none" }),
      );
      const checking = createSmtpTransport(connection(server.port, {}, extra));
      try {
        await trusting.send(message);
        expect(server.received).toHaveLength(1);
        const error = await rejection(checking.send(message));
        expect(error.message).toMatch(/certificate/i);
        expectNoSecret(error);
      } finally {
        trusting.close();
        checking.close();
        await server.close();
      }
    },
  );
});
