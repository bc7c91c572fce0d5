// The Accept header of endpoints that answer JSON or plain text (dagSources), read as Airflow's
// header_accept_json_or_text: `*/*` or none is JSON, then application/json, then text/plain;
// anything else is refused with 406 and this message.
import type { Response } from "express";

/** What a JSON-or-text endpoint answers with. */
export type JsonOrText = "json" | "text";

export const NOT_ACCEPTABLE_DETAIL = "Only application/json or text/plain is supported";

/** The answer's form for `accept`, or null when it is neither JSON nor text. */
export function acceptJsonOrText(accept: string | undefined): JsonOrText | null {
  const value = accept ?? "*/*";
  if (value.startsWith("*/*") || value.startsWith("application/json")) return "json";
  if (value.startsWith("text/plain")) return "text";
  return null;
}

/**
 * Answers 406 with Airflow's body. Written here rather than thrown: ApiErrorCode has no 406
 * code.
 */
export function sendNotAcceptable(res: Response): void {
  res.status(406).json({ detail: NOT_ACCEPTABLE_DETAIL });
}
