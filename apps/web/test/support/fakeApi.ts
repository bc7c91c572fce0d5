// Component tests answer the UI's fetch calls from handlers keyed by "METHOD /path" (the query
// string is passed to the handler), and record every call so a test can assert what was sent.
// The end-to-end tests (test/e2e) run the real server instead.

export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

export interface FakeResponse {
  readonly status?: number;
  readonly body?: unknown;
}

/** Answers a request: a FakeResponse, or any other value as a 200 JSON body. */
export type Handler = (request: FakeRequest) => unknown;

export interface FakeApi {
  readonly calls: FakeRequest[];
  /** Replace or add a handler. */
  on(route: string, handler: Handler): void;
  callsTo(route: string): FakeRequest[];
}

const isResponse = (value: unknown): value is FakeResponse =>
  typeof value === "object" && value !== null && ("status" in value || "body" in value);

/** Installs a fake `fetch` for the current test file; `handlers` map "GET /api/v2/dags" → answer. */
export function installFakeApi(handlers: Record<string, Handler> = {}): FakeApi {
  const routes = new Map(Object.entries(handlers));
  const calls: FakeRequest[] = [];
  const fetchStub = async (input: string | URL | Request, init?: RequestInit) => {
    // The UI passes a path string; a Request object would mean a caller this fake does not know.
    if (typeof input !== "string") throw new Error("fake API: fetch was called with a non-string");
    const url = new URL(input, "http://localhost");
    const method = (init?.method ?? "GET").toUpperCase();
    const body: unknown =
      typeof init?.body === "string" && init.body !== "" ? JSON.parse(init.body) : undefined;
    const request: FakeRequest = {
      method,
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      body,
      headers: (init?.headers ?? {}) as Readonly<Record<string, string>>,
    };
    calls.push(request);
    const handler =
      routes.get(`${method} ${url.pathname}`) ?? routes.get(`${method} ${request.path}`);
    if (handler === undefined)
      return jsonResponse(404, { detail: `fake API: no handler for ${method} ${request.path}` });
    const answer = handler(request);
    return isResponse(answer)
      ? jsonResponse(answer.status ?? 200, answer.body)
      : jsonResponse(200, answer);
  };
  beforeEach(() => {
    calls.length = 0;
    globalThis.fetch = fetchStub;
  });
  return {
    calls,
    on: (route, handler) => void routes.set(route, handler),
    callsTo: (route) => calls.filter((c) => `${c.method} ${c.path}` === route),
  };
}

function jsonResponse(status: number, body: unknown): Response {
  const text = body === undefined || status === 204 ? "" : JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    text: async () => text,
    json: async () => JSON.parse(text) as unknown,
  } as Response;
}
