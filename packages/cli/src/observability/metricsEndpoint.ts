// `GET /metrics`: a registry's Prometheus text. Mounted in front of the API app (ahead of its auth:
// scrapers carry no token) and as the whole of the scheduler's and worker's metrics listener.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { Registry } from "prom-client";

/** The path Prometheus scrapes. */
export const METRICS_PATH = "/metrics";

/** Whether `req` asks for the metrics (GET or HEAD of /metrics, any query string). */
export function isMetricsRequest(req: IncomingMessage): boolean {
  const path = (req.url ?? "").split("?")[0];
  return path === METRICS_PATH && (req.method === "GET" || req.method === "HEAD");
}

/** Writes the registry's current samples as the response. */
export async function serveMetrics(
  registry: Registry,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    const body = await registry.metrics();
    res.writeHead(200, { "Content-Type": registry.contentType, "Cache-Control": "no-store" });
    res.end(req.method === "HEAD" ? undefined : body);
  } catch (error) {
    res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    res.end(
      `metrics collection failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
}

/** `handler`, with /metrics answered from `registry` before it. */
export function withMetricsEndpoint(handler: RequestListener, registry: Registry): RequestListener {
  return (req, res) => {
    if (isMetricsRequest(req)) void serveMetrics(registry, req, res);
    else handler(req, res);
  };
}
