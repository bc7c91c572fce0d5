// A failed API call, with the API's own words: Airflow's `{"detail": …}` body is a string or,
// for invalid input (422), pydantic's list of problems, turned into one readable sentence.
export class ApiRequestError extends Error {
  readonly code = "API_REQUEST_FAILED";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

interface PydanticProblem {
  readonly loc?: readonly (string | number)[];
  readonly msg?: string;
}

export function describeDetail(status: number, body: unknown): string {
  const detail = (body as { detail?: unknown } | null)?.detail;
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) {
    return (detail as PydanticProblem[])
      .map((p) => {
        const where = (p.loc ?? []).filter((part) => part !== "body" && part !== "query");
        return where.length > 0
          ? `${where.join(".")}: ${p.msg ?? "invalid"}`
          : (p.msg ?? "invalid");
      })
      .join("; ");
  }
  if (status === 401) return "Your session has ended: log in again.";
  if (status === 403) return "Your role does not allow this.";
  if (status === 404) return "Not found.";
  return `The server answered ${status}.`;
}
