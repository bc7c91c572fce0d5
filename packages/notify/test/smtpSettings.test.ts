import { Connection } from "@updraft/sdk";
import { compileSmtpSettings } from "../src/transports/smtpSettings";

function smtp(fields: Partial<ConstructorParameters<typeof Connection>[0]> = {}): Connection {
  return new Connection({
    conn_id: "smtp_default",
    conn_type: "smtp",
    host: "mail.example.com",
    ...fields,
  });
}

const inputs = { hostname: "worker-1.example.com" };

describe("compileSmtpSettings (Airflow's SmtpHook semantics)", () => {
  test("defaults to implicit TLS on port 465, no login, a 30 s timeout and updraft@<hostname>", () => {
    expect(compileSmtpSettings(smtp(), inputs)).toEqual({
      ok: true,
      settings: {
        host: "mail.example.com",
        port: 465,
        secure: true,
        startTls: true,
        auth: null,
        from: "updraft@worker-1.example.com",
        timeoutMs: 30_000,
        verifyCertificate: true,
      },
    });
  });

  test.each([
    [
      "disable_ssl uses port 587 with STARTTLS",
      { disable_ssl: true },
      { secure: false, port: 587, startTls: true },
    ],
    [
      "disable_ssl and disable_tls send in clear text",
      { disable_ssl: true, disable_tls: true },
      { secure: false, port: 587, startTls: false },
    ],
    [
      'the strings "true"/"false" count as booleans',
      { disable_ssl: "True", disable_tls: "false" },
      { secure: false, startTls: true },
    ],
    ["timeout is in seconds", { timeout: 5 }, { timeoutMs: 5000 }],
    ["a numeric timeout string is accepted", { timeout: "2.5" }, { timeoutMs: 2500 }],
    [
      "from_email is the default sender",
      { from_email: "alerts@example.com" },
      { from: "alerts@example.com" },
    ],
    [
      'ssl_context "none" skips certificate checks',
      { ssl_context: "none" },
      { verifyCertificate: false },
    ],
    [
      'ssl_context "default" checks certificates',
      { ssl_context: "default" },
      { verifyCertificate: true },
    ],
  ])("%s", (_case, extra, expected) => {
    const result = compileSmtpSettings(smtp({ extra }), inputs);
    expect(result).toMatchObject({ ok: true, settings: expected });
  });

  test("keeps an explicit port and logs in only when both login and password are set", () => {
    expect(
      compileSmtpSettings(smtp({ port: 2525, login: "bot", password: "pw" }), inputs),
    ).toMatchObject({
      ok: true,
      settings: { port: 2525, auth: { user: "bot", pass: "pw" } },
    });
    expect(compileSmtpSettings(smtp({ login: "bot" }), inputs)).toMatchObject({
      settings: { auth: null },
    });
    expect(compileSmtpSettings(smtp({ password: "pw" }), inputs)).toMatchObject({
      settings: { auth: null },
    });
  });

  test("lets the caller's timeout win over the extra", () => {
    const result = compileSmtpSettings(smtp({ extra: { timeout: 5 } }), {
      ...inputs,
      timeoutMs: 750,
    });
    expect(result).toMatchObject({ settings: { timeoutMs: 750 } });
  });

  test.each([
    ["no host", { host: null }, "the connection has no host"],
    ["a blank host", { host: "  " }, "the connection has no host"],
    [
      "a flag that is not a boolean",
      { extra: { disable_ssl: "yes" } },
      'extra "disable_ssl": expected true or false, got "yes"',
    ],
    [
      "a timeout that is not positive",
      { extra: { timeout: 0 } },
      'extra "timeout": expected a number of seconds > 0, got 0',
    ],
    [
      "a timeout that is not a number",
      { extra: { timeout: "soon" } },
      'extra "timeout": expected a number of seconds > 0, got "soon"',
    ],
    [
      "an unknown ssl_context",
      { extra: { ssl_context: "strict" } },
      'extra "ssl_context": expected "default" or "none", got "strict"',
    ],
    [
      "a from_email that is not a string",
      { extra: { from_email: 3 } },
      'extra "from_email": expected an email address, got 3',
    ],
  ])("explains why a connection with %s is unusable", (_case, fields, reason) => {
    expect(compileSmtpSettings(smtp(fields), inputs)).toEqual({ ok: false, reason });
  });
});
