// The scheduler's and worker's metrics listener around the verb's run: started first (a port in
// use stops the process before anything else starts), closed last.
import type { SchedulerLogger } from "@updraft/scheduler";
import type { MetricsConfig } from "../config";
import type { MetricRecorder } from "./metricRecorder";
import { type RunningMetricsServer, startMetricsServer } from "./metricsServer";

/** The metrics listener could not start. */
export class MetricsServerError extends Error {
  readonly code = "METRICS_SERVER_FAILED";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MetricsServerError";
  }
}

/** Runs `run` with /metrics served on config's host:port while it runs (when `recorder`). */
export async function withMetricsServer<T>(
  config: MetricsConfig,
  recorder: MetricRecorder | null,
  logger: SchedulerLogger,
  run: () => Promise<T>,
): Promise<T> {
  if (recorder === null) return run();
  let server: RunningMetricsServer;
  try {
    server = await startMetricsServer(recorder.registry, config);
  } catch (error) {
    const reason = (error as { code?: unknown }).code === "EADDRINUSE" ? "in use" : String(error);
    throw new MetricsServerError(
      `UPDRAFT_METRICS_PORT: cannot listen on ${config.host}:${config.port} (${reason}); expected a free TCP port (each process on a host needs its own, 0 picks any)`,
      { cause: error },
    );
  }
  logger.info("metrics listening", { url: server.url });
  try {
    return await run();
  } finally {
    await server.close();
  }
}
