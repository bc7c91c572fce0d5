// The scheduler's and worker's metrics listener: a bare HTTP server answering /metrics (and 404
// for anything else), since those processes serve no API.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";
import { isMetricsRequest, METRICS_PATH, serveMetrics } from "./metricsEndpoint";

/** A listening metrics server. */
export interface RunningMetricsServer {
  /** e.g. http://localhost:9464/metrics */
  readonly url: string;
  close(): Promise<void>;
}

/** Listens on host:port (0: any free port) until `close`. */
export async function startMetricsServer(
  registry: Registry,
  listen: { readonly host: string; readonly port: number },
): Promise<RunningMetricsServer> {
  const server = http.createServer((req, res) => {
    if (isMetricsRequest(req)) void serveMetrics(registry, req, res);
    else {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(`not found; metrics are at ${METRICS_PATH}\n`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = listen.host === "0.0.0.0" || listen.host === "::" ? "localhost" : listen.host;
  return {
    url: `http://${host}:${port}${METRICS_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
