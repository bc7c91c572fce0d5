// A real SMTP server in this process (smtp-server), recording what it receives as parsed mail
// (mailparser): what alert tests read their emails from.
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import type { ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { SMTPServerOptions } from "smtp-server";

/** One message as the server received it. */
export interface ReceivedMail {
  readonly envelope: { readonly from: string | false; readonly to: readonly string[] };
  readonly mail: ParsedMail;
}

/** A listening test server. */
export interface SmtpTestServer {
  readonly port: number;
  readonly received: ReceivedMail[];
  close(): Promise<void>;
}

/** What the test changes: credentials, a refusal for every message, TLS. */
export interface SmtpTestServerOptions {
  readonly login?: string;
  readonly password?: string;
  /** Answer DATA with this SMTP reply code instead of accepting the message. */
  readonly rejectDataWith?: number;
  readonly server?: SMTPServerOptions;
  /** Listen on this port (a test bringing a server back up). @default 0, any free port */
  readonly port?: number;
}

/** Starts a server on 127.0.0.1, port 0, requiring authentication when a login is given. */
export async function startSmtpTestServer(
  options: SmtpTestServerOptions = {},
): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: options.login === undefined,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 100,
    ...options.server,
    onAuth(auth, _session, callback) {
      if (auth.username === options.login && auth.password === options.password) {
        callback(null, { user: auth.username });
      } else {
        callback(new Error("Invalid username or password"));
      }
    },
    onData(stream, session, callback) {
      if (options.rejectDataWith !== undefined) {
        stream.resume();
        stream.on("end", () => {
          const error = Object.assign(new Error("Mailbox busy, try again later"), {
            responseCode: options.rejectDataWith,
          });
          callback(error);
        });
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          received.push({
            envelope: {
              from: session.envelope.mailFrom && session.envelope.mailFrom.address,
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            },
            mail,
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  // A client that refuses the server's certificate drops the connection: an error event here.
  server.on("error", () => undefined);
  const listening = await new Promise<AddressInfo>((resolve, reject) => {
    const net = server.listen(options.port ?? 0, "127.0.0.1", () =>
      resolve(net.address() as AddressInfo),
    );
    net.once("error", reject);
  });
  return {
    port: listening.port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
