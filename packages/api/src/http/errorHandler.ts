// The last middleware: ApiError → its status and `{detail}`; a body that is not JSON or too
// large → 400 / 413 as Airflow's server would; anything else → 500 "Internal Server Error"
// without the stack (which goes to the server's log).
import type { ErrorRequestHandler } from "express";
import { ApiError } from "./apiError";

/** Where unexpected errors are reported. */
export type ErrorLog = (error: unknown) => void;

export function errorHandler(log: ErrorLog): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    if (error instanceof ApiError) {
      res.status(error.status).json({ detail: error.detail });
      return;
    }
    const type = (error as { type?: unknown }).type;
    if (type === "entity.too.large") {
      res.status(413).json({ detail: "Request body too large" });
      return;
    }
    if (type === "entity.parse.failed") {
      res.status(422).json({
        detail: [{ loc: ["body"], msg: "JSON decode error", type: "json_invalid" }],
      });
      return;
    }
    // Express's own client errors (a path with malformed percent-encoding): their status, no text.
    const status = (error as { status?: unknown }).status;
    if (typeof status === "number" && status >= 400 && status < 500) {
      res.status(status).json({ detail: status === 400 ? "Bad Request" : "Client Error" });
      return;
    }
    log(error);
    res.status(500).json({ detail: "Internal Server Error" });
  };
}
