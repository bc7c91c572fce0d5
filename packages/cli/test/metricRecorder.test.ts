// The metric recorder: scheduler, delivery and alert events in, Prometheus samples out (read back
// from the registry's text), with Airflow's metrics under Prometheus names and bounded labels.
import type { JobFinishedEvent, TaskJob } from "@updraft/executor";
import type { DagRunFinishedEvent } from "@updraft/scheduler";
import type { DagRunRow } from "@updraft/store";
import { MetricRecorder } from "../src/observability/metricRecorder";
import { parseSamples, sampleNames, sampleValue } from "./support/prometheusText";

const run = (dagId: string, startDate: Date | null): DagRunRow => ({
  id: 1,
  dagId,
  runId: "manual__1",
  runType: "manual",
  logicalDate: null,
  dataIntervalStart: null,
  dataIntervalEnd: null,
  runAfter: new Date("2026-05-01T06:00:00Z"),
  state: "running",
  queuedAt: null,
  startDate,
  endDate: null,
  conf: {},
  triggeredBy: null,
  note: null,
  lastSchedulingDecision: null,
  updatedAt: new Date("2026-05-01T06:00:00Z"),
});

const finishedRun = (
  dagId: string,
  state: "success" | "failed",
  startDate: Date | null,
  endDate: Date,
): DagRunFinishedEvent => ({ run: run(dagId, startDate), state, reason: state, endDate });

const job = (dagId: string, taskId: string): TaskJob => ({
  dagId,
  runId: "manual__1",
  taskId,
  mapIndex: -1,
  tryNumber: 1,
  queue: "default",
  enqueuedAt: "2026-05-01T06:00:00.000Z",
});

const delivery = (
  dagId: string,
  taskId: string,
  durationMs: number,
  result: JobFinishedEvent["result"],
): JobFinishedEvent => ({
  job: job(dagId, taskId),
  jobId: `${dagId}.${taskId}`,
  durationMs,
  aborted: false,
  result,
});

const ran = (state: "success" | "failed" | "up_for_retry"): JobFinishedEvent["result"] => ({
  status: "returned",
  outcome: { kind: "ran", state },
});

const scrape = (recorder: MetricRecorder): Promise<string> => recorder.registry.metrics();

describe("MetricRecorder", () => {
  test("finished runs count by dag_id and state, and their start-to-end time is observed", async () => {
    const recorder = new MetricRecorder({ defaultMetrics: false });
    const start = new Date("2026-05-01T06:00:00Z");
    recorder.dagRunFinished(
      finishedRun("sales", "success", start, new Date(start.getTime() + 90_000)),
    );
    recorder.dagRunFinished(
      finishedRun("sales", "success", start, new Date(start.getTime() + 30_000)),
    );
    recorder.dagRunFinished(
      finishedRun("sales", "failed", start, new Date(start.getTime() + 5000)),
    );
    // A run that never started (failed before any task ran) counts, with no duration.
    recorder.dagRunFinished(finishedRun("hr", "failed", null, start));
    const text = await scrape(recorder);
    const counted = (dagId: string, state: string) =>
      sampleValue(text, "updraft_dag_run_finished_total", { dag_id: dagId, state });
    expect([
      counted("sales", "success"),
      counted("sales", "failed"),
      counted("hr", "failed"),
    ]).toEqual([2, 1, 1]);
    const labels = { dag_id: "sales", state: "success" };
    expect(sampleValue(text, "updraft_dag_run_duration_seconds_count", labels)).toBe(2);
    expect(sampleValue(text, "updraft_dag_run_duration_seconds_sum", labels)).toBe(120);
    expect(
      sampleValue(text, "updraft_dag_run_duration_seconds_bucket", { ...labels, le: "60" }),
    ).toBe(1);
    expect(
      sampleValue(text, "updraft_dag_run_duration_seconds_count", {
        dag_id: "hr",
        state: "failed",
      }),
    ).toBeUndefined();
  });

  test("tries that ran count by dag_id, task_id and state; durations carry no task_id", async () => {
    const recorder = new MetricRecorder({ defaultMetrics: false });
    recorder.taskDeliveryFinished(delivery("sales", "extract", 2000, ran("success")));
    recorder.taskDeliveryFinished(delivery("sales", "load", 500, ran("success")));
    recorder.taskDeliveryFinished(delivery("sales", "load", 250, ran("up_for_retry")));
    const text = await scrape(recorder);
    const finished = (taskId: string, state: string) =>
      sampleValue(text, "updraft_task_instance_finished_total", {
        dag_id: "sales",
        task_id: taskId,
        state,
      });
    expect([
      finished("extract", "success"),
      finished("load", "success"),
      finished("load", "up_for_retry"),
    ]).toEqual([1, 1, 1]);
    const success = { dag_id: "sales", state: "success" };
    expect(sampleValue(text, "updraft_task_instance_duration_seconds_count", success)).toBe(2);
    expect(sampleValue(text, "updraft_task_instance_duration_seconds_sum", success)).toBe(2.5);
    const durationLabels = parseSamples(text)
      .filter((s) => s.name.startsWith("updraft_task_instance_duration_seconds"))
      .flatMap((s) => Object.keys(s.labels));
    expect(new Set(durationLabels)).toEqual(new Set(["dag_id", "state", "le"]));
  });

  test("dropped deliveries and runner errors are counted apart from task states", async () => {
    const recorder = new MetricRecorder({ defaultMetrics: false });
    recorder.taskDeliveryFinished(
      delivery("sales", "load", 3, {
        status: "returned",
        outcome: { kind: "dropped", reason: "dup" },
      }),
    );
    recorder.taskDeliveryFinished(
      delivery("sales", "load", 3, { status: "threw", error: new Error("db down") }),
    );
    const text = await scrape(recorder);
    expect(sampleValue(text, "updraft_task_delivery_dropped_total", { dag_id: "sales" })).toBe(1);
    expect(sampleValue(text, "updraft_task_runner_errors_total", { dag_id: "sales" })).toBe(1);
    expect(
      parseSamples(text).filter((s) => s.name === "updraft_task_instance_finished_total"),
    ).toEqual([]);
  });

  test("scheduler passes feed the loop-duration histogram in seconds", async () => {
    const recorder = new MetricRecorder({ defaultMetrics: false });
    const pass = { runsCreated: 0, runsStarted: 0, runsExamined: 1, scheduled: 0, queued: 0 };
    recorder.schedulerPass({ ...pass, durationMs: 4 });
    recorder.schedulerPass({ ...pass, durationMs: 40 });
    const text = await scrape(recorder);
    expect(sampleValue(text, "updraft_scheduler_loop_duration_seconds_count")).toBe(2);
    expect(sampleValue(text, "updraft_scheduler_loop_duration_seconds_sum")).toBeCloseTo(0.044);
    expect(
      sampleValue(text, "updraft_scheduler_loop_duration_seconds_bucket", { le: "0.005" }),
    ).toBe(1);
  });

  test("alert deliveries count by channel and outcome", async () => {
    const recorder = new MetricRecorder({ defaultMetrics: false });
    const base = { event: "failure" as const, dagId: "sales" };
    recorder.alertDelivered({ ...base, channel: "slack", outcome: "sent" });
    recorder.alertDelivered({ ...base, channel: "email", outcome: "retried" });
    recorder.alertDelivered({ ...base, channel: "email", outcome: "sent" });
    recorder.alertDelivered({ ...base, channel: "email", outcome: "sent" });
    const text = await scrape(recorder);
    const sent = (channel: string, outcome: string) =>
      sampleValue(text, "updraft_alerts_sent_total", { channel, outcome });
    expect([sent("slack", "sent"), sent("email", "sent"), sent("email", "retried")]).toEqual([
      1, 2, 1,
    ]);
  });

  test("queue depths are read on each scrape: none without a reader, unknown (NaN) when it fails", async () => {
    const recorder = new MetricRecorder({ defaultMetrics: false });
    expect(sampleNames(await scrape(recorder)).has("updraft_executor_queued_tasks")).toBe(false);
    let waiting = 3;
    recorder.readQueueDepthsWith(() =>
      Promise.resolve({
        total: waiting,
        perQueue: new Map([
          ["default", waiting],
          ["gpu", 0],
        ]),
      }),
    );
    let text = await scrape(recorder);
    expect(sampleValue(text, "updraft_executor_queued_tasks")).toBe(3);
    expect(sampleValue(text, "updraft_queue_depth", { queue: "default" })).toBe(3);
    expect(sampleValue(text, "updraft_queue_depth", { queue: "gpu" })).toBe(0);
    waiting = 1;
    expect(sampleValue(await scrape(recorder), "updraft_executor_queued_tasks")).toBe(1);
    recorder.readQueueDepthsWith(() => Promise.reject(new Error("ECONNREFUSED")));
    text = await scrape(recorder);
    expect(sampleValue(text, "updraft_executor_queued_tasks")).toBeNaN();
    expect(sampleValue(text, "updraft_queue_depth", { queue: "default" })).toBeUndefined();
    recorder.readQueueDepthsWith(null);
    expect(sampleNames(await scrape(recorder)).has("updraft_executor_queued_tasks")).toBe(false);
  });

  test("each recorder has its own registry, with Node's default metrics under updraft_", async () => {
    const a = new MetricRecorder();
    const b = new MetricRecorder();
    a.alertDelivered({ event: "failure", dagId: "x", channel: "slack", outcome: "sent" });
    const names = sampleNames(await scrape(b));
    expect(names.has("updraft_process_cpu_seconds_total")).toBe(true);
    expect(names.has("updraft_nodejs_eventloop_lag_seconds")).toBe(true);
    expect(
      sampleValue(await scrape(b), "updraft_alerts_sent_total", {
        channel: "slack",
        outcome: "sent",
      }),
    ).toBeUndefined();
    expect(
      sampleValue(await scrape(a), "updraft_alerts_sent_total", {
        channel: "slack",
        outcome: "sent",
      }),
    ).toBe(1);
  });
});
