// Request bodies are JSON, gzipped or not: the driver means to gzip them but often sends them
// plain without saying so, so the gzip magic bytes decide.

import type { IncomingMessage } from "node:http";
import { gunzipSync } from "node:zlib";

/** The parsed JSON body of `req`, or `{}` when it is empty. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  let body = Buffer.concat(chunks);
  if (body.length >= 2 && body[0] === 0x1f && body[1] === 0x8b) body = gunzipSync(body);
  const text = body.toString("utf8").trim();
  return text === "" ? {} : (JSON.parse(text) as unknown);
}
