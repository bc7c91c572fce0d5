// The continuation token of a task log read: where the previous read stopped (the id of the last
// log line it returned), signed with the API's secret as Airflow signs its tokens
// (URLSafeSerializer), so only tokens the API handed out are taken back.
import { createHmac, timingSafeEqual } from "node:crypto";
import { ApiError } from "../http/apiError";

const CONTEXT = "updraft-task-log-token";

const sign = (secret: string, payload: string): string =>
  createHmac("sha256", secret).update(`${CONTEXT}.${payload}`).digest("base64url");

/** A token for continuing after the log line `logPos` (0: from the start). */
export function encodeLogToken(secret: string, logPos: number): string {
  const payload = Buffer.from(JSON.stringify({ log_pos: logPos })).toString("base64url");
  return `${payload}.${sign(secret, payload)}`;
}

function badToken(token: string): ApiError {
  // Airflow answers 400, which its spec does not declare for this endpoint; 422 is declared.
  return new ApiError("VALIDATION_ERROR", [
    {
      loc: ["query", "token"],
      msg: "Bad Signature. Please use only the tokens provided by the API.",
      type: "value_error",
      input: token,
    },
  ]);
}

/** The log line id `token` continues after; ApiError VALIDATION_ERROR when it is not ours. */
export function decodeLogToken(secret: string, token: string): number {
  const [payload, signature, extra] = token.split(".");
  if (payload === undefined || signature === undefined || extra !== undefined)
    throw badToken(token);
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw badToken(token);
  const decoded: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  const logPos = (decoded as { log_pos?: unknown }).log_pos;
  if (typeof logPos !== "number" || !Number.isSafeInteger(logPos) || logPos < 0)
    throw badToken(token);
  return logPos;
}
