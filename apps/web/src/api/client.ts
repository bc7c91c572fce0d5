// The one way the UI talks to the server: JSON over fetch to /api/v2 (and /auth), with the
// login token as a bearer header. A 401 drops the token, which sends the UI to the login page.
import { readToken, writeToken } from "../auth/tokenStore";
import { ApiRequestError, describeDetail } from "./apiRequestError";

export type QueryValue =
  string | number | boolean | null | undefined | readonly (string | number)[];

export interface RequestOptions {
  readonly method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

/** `?a=1&b=x&b=y`: arrays repeat the key as Airflow's list parameters expect; empty values are left out. */
export function queryString(query: Readonly<Record<string, QueryValue>> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const token = readToken();
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(`${path}${queryString(options.query)}`, {
    method: options.method ?? "GET",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
    credentials: "same-origin",
  });
  if (response.status === 401 && token !== null) writeToken(null);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const body: unknown = text === "" ? null : parseJson(text);
  if (!response.ok)
    throw new ApiRequestError(response.status, describeDetail(response.status, body));
  return body as T;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text.slice(0, 200) };
  }
}

/** `/api/v2/...` with each path segment encoded (ids may hold `/`, `#`, spaces). */
export function v2(...segments: readonly (string | number)[]): string {
  return `/api/v2/${segments.map((s) => encodeURIComponent(String(s))).join("/")}`;
}
