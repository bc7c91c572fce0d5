// A stand-in for hooks.slack.com on 127.0.0.1: a real HTTP server recording each post and
// answering with `reply` (tests switch it to 500s or 404s to play an outage).
import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One post the fake Slack received. */
export interface ReceivedPost {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly contentType: string | undefined;
  readonly body: unknown;
}

/** A stand-in for hooks.slack.com on 127.0.0.1: records each post, answers with `reply`. */
export class FakeSlack {
  readonly received: ReceivedPost[] = [];
  reply: (res: ServerResponse) => void = (res) => res.end("ok");
  readonly #server: Server;
  port = 0;

  constructor() {
    this.#server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        this.received.push({
          method: req.method,
          url: req.url,
          contentType: req.headers["content-type"],
          body: JSON.parse(Buffer.concat(chunks).toString("utf8")),
        });
        this.reply(res);
      });
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
    this.port = (this.#server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
