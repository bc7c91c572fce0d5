// Errors the API answers with, as Airflow 3 does: `{"detail": …}` with the status code
// (HTTPExceptionResponse), 422 with pydantic's list of problems for invalid input. Handlers
// throw these; the error middleware writes them. Anything else is a 500 without its stack.
import { UpdraftError } from "@updraft/sdk";

/** Stable codes of the API's errors. */
export type ApiErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "NOT_ACCEPTABLE"
  | "CONFLICT"
  | "VALIDATION_ERROR"
  | "PAYLOAD_TOO_LARGE"
  | "TOO_MANY_REQUESTS";

const STATUS: Readonly<Record<ApiErrorCode, number>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  NOT_ACCEPTABLE: 406,
  CONFLICT: 409,
  VALIDATION_ERROR: 422,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
};

/** One problem of a 422, in pydantic's shape. */
export interface ValidationProblem {
  readonly loc: readonly (string | number)[];
  readonly msg: string;
  readonly type: string;
  readonly input?: unknown;
}

/** An error with its HTTP status and the `detail` Airflow would send. */
export class ApiError extends UpdraftError<ApiErrorCode> {
  readonly status: number;
  readonly detail: string | readonly ValidationProblem[];

  constructor(code: ApiErrorCode, detail: string | readonly ValidationProblem[]) {
    super(code, typeof detail === "string" ? detail : detail.map((d) => d.msg).join("; "));
    this.status = STATUS[code];
    this.detail = detail;
  }
}

export const notFound = (detail: string): ApiError => new ApiError("NOT_FOUND", detail);
export const badRequest = (detail: string): ApiError => new ApiError("BAD_REQUEST", detail);
export const conflict = (detail: string): ApiError => new ApiError("CONFLICT", detail);
