// The scheduler's and worker's metrics listener: /metrics in Prometheus' text format (GET and
// HEAD), 404 elsewhere; a port in use stops start-up with a message naming the variable.
import { MetricRecorder } from "../src/observability/metricRecorder";
import { startMetricsServer } from "../src/observability/metricsServer";
import { withMetricsServer } from "../src/observability/withMetricsServer";
import { sampleValue } from "./support/prometheusText";

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

test("serves the registry at /metrics and nothing else", async () => {
  const recorder = new MetricRecorder({ defaultMetrics: false });
  recorder.alertDelivered({ event: "failure", dagId: "d", channel: "email", outcome: "failed" });
  const server = await startMetricsServer(recorder.registry, { host: "127.0.0.1", port: 0 });
  try {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const response = await fetch(`${server.url}?scrape=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(
      sampleValue(await response.text(), "updraft_alerts_sent_total", {
        channel: "email",
        outcome: "failed",
      }),
    ).toBe(1);
    const head = await fetch(server.url, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect((await fetch(server.url.replace("/metrics", "/"))).status).toBe(404);
    expect((await fetch(server.url, { method: "POST" })).status).toBe(404);
  } finally {
    await server.close();
  }
});

test("a metrics port in use is refused naming UPDRAFT_METRICS_PORT, and nothing runs", async () => {
  const recorder = new MetricRecorder({ defaultMetrics: false });
  const taken = await startMetricsServer(recorder.registry, { host: "127.0.0.1", port: 0 });
  const port = Number(new URL(taken.url).port);
  let ran = false;
  try {
    await expect(
      withMetricsServer(
        { enabled: true, host: "127.0.0.1", port, cloudwatchEmf: false },
        recorder,
        quiet,
        () => {
          ran = true;
          return Promise.resolve(0);
        },
      ),
    ).rejects.toMatchObject({
      code: "METRICS_SERVER_FAILED",
      message: `UPDRAFT_METRICS_PORT: cannot listen on 127.0.0.1:${port} (in use); expected a free TCP port (each process on a host needs its own, 0 picks any)`,
    });
    expect(ran).toBe(false);
  } finally {
    await taken.close();
  }
});

test("with metrics disabled (no recorder) the run goes ahead and no listener is announced", async () => {
  const logged: string[] = [];
  const logger = { ...quiet, info: (message: string) => void logged.push(message) };
  const result = await withMetricsServer(
    { enabled: false, host: "127.0.0.1", port: 0, cloudwatchEmf: false },
    null,
    logger,
    () => Promise.resolve(7),
  );
  expect(result).toBe(7);
  expect(logged).toEqual([]);
});
