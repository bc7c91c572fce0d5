// The Prometheus metrics of one Updraft process, on a registry of its own (not prom-client's
// global one, so several processes' worth can live in one test run). Names translate Airflow's
// statsd metrics (dagrun.duration.<state>.<dag_id>, ti.finish.<dag_id>.<task_id>.<state>,
// scheduler.scheduler_loop_duration, executor.queued_tasks) to Prometheus style; histograms carry
// no task_id label, which keeps their series count bounded by DAGs, not tasks.
import type { JobFinishedEvent } from "@updraft/executor";
import type { NotificationDeliveryEvent } from "@updraft/notify";
import type { DagRunFinishedEvent, PassReport } from "@updraft/scheduler";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** What the executor has waiting: in total, and per queue where queues exist (BullMQ). */
export interface QueueDepths {
  readonly total: number;
  readonly perQueue: ReadonlyMap<string, number>;
}

/** Reads the queue depths on each scrape. */
export type QueueDepthReader = () => Promise<QueueDepths>;

/** Prefix of every Updraft metric, and of Node's default ones (updraft_process_cpu_seconds_total). */
export const METRIC_PREFIX = "updraft_";

const QUEUE_GAUGES = [`${METRIC_PREFIX}executor_queued_tasks`, `${METRIC_PREFIX}queue_depth`];

const LOOP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const TASK_BUCKETS = [0.1, 0.5, 1, 5, 10, 30, 60, 300, 600, 1800, 3600, 7200];
const RUN_BUCKETS = [1, 5, 10, 30, 60, 300, 600, 1800, 3600, 7200, 21600, 86400];

/** Turns a process's events into samples; `registry.metrics()` is the Prometheus text. */
export class MetricRecorder {
  readonly registry = new Registry();
  readonly #dagRuns = new Counter({
    name: `${METRIC_PREFIX}dag_run_finished_total`,
    help: "DAG runs the scheduler finished, by final state.",
    labelNames: ["dag_id", "state"] as const,
    registers: [this.registry],
  });
  readonly #dagRunDuration = new Histogram({
    name: `${METRIC_PREFIX}dag_run_duration_seconds`,
    help: "Start to end of finished DAG runs (Airflow's dagrun.duration.<state>).",
    labelNames: ["dag_id", "state"] as const,
    buckets: RUN_BUCKETS,
    registers: [this.registry],
  });
  readonly #tasks = new Counter({
    name: `${METRIC_PREFIX}task_instance_finished_total`,
    help: "Tries that ran to a state (success, failed, up_for_retry, skipped …) in this process.",
    labelNames: ["dag_id", "task_id", "state"] as const,
    registers: [this.registry],
  });
  readonly #taskDuration = new Histogram({
    name: `${METRIC_PREFIX}task_instance_duration_seconds`,
    help: "Delivery time of tries that ran (claim to committed outcome), by the state reached.",
    labelNames: ["dag_id", "state"] as const,
    buckets: TASK_BUCKETS,
    registers: [this.registry],
  });
  readonly #dropped = new Counter({
    name: `${METRIC_PREFIX}task_delivery_dropped_total`,
    help: "Deliveries the store guard refused (duplicates, tries no longer queued, lost tries).",
    labelNames: ["dag_id"] as const,
    registers: [this.registry],
  });
  readonly #runnerErrors = new Counter({
    name: `${METRIC_PREFIX}task_runner_errors_total`,
    help: "Deliveries whose runner threw (a system error, not a task failure).",
    labelNames: ["dag_id"] as const,
    registers: [this.registry],
  });
  readonly #loop = new Histogram({
    name: `${METRIC_PREFIX}scheduler_loop_duration_seconds`,
    help: "Duration of one scheduler pass (Airflow's scheduler.scheduler_loop_duration).",
    buckets: LOOP_BUCKETS,
    registers: [this.registry],
  });
  readonly #alerts = new Counter({
    name: `${METRIC_PREFIX}alerts_sent_total`,
    help: "Alert delivery attempts by channel and outcome (sent, retried, failed).",
    labelNames: ["channel", "outcome"] as const,
    registers: [this.registry],
  });
  #queueDepths: QueueDepthReader | null = null;
  readonly #queueGauges: readonly Gauge[];

  /** Registers Node's default metrics too (updraft_process_*, updraft_nodejs_*) unless false. */
  constructor(options: { readonly defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics !== false)
      collectDefaultMetrics({ register: this.registry, prefix: METRIC_PREFIX });
    // Both gauges collect at once during a scrape: they share one read. A scrape during a Redis
    // outage reports unknown depths rather than failing entirely.
    let reading: Promise<QueueDepths | null> | null = null;
    const readDepths = (): Promise<QueueDepths | null> => {
      const read = this.#queueDepths;
      if (read === null) return Promise.resolve(null);
      reading ??= read()
        .catch(() => null)
        .finally(() => {
          reading = null;
        });
      return reading;
    };
    // Registered once a reader is set: a worker or api-server has no queue of its own to report.
    this.#queueGauges = [
      new Gauge({
        name: QUEUE_GAUGES[0]!,
        help: "Tries enqueued, not yet picked up by a worker (Airflow's executor.queued_tasks); NaN when unreadable.",
        registers: [],
        async collect() {
          this.set((await readDepths())?.total ?? Number.NaN);
        },
      }),
      new Gauge({
        name: QUEUE_GAUGES[1]!,
        help: "BullMQ jobs waiting for a worker, per queue.",
        labelNames: ["queue"] as const,
        registers: [],
        async collect() {
          this.reset();
          for (const [queue, count] of (await readDepths())?.perQueue ?? [])
            this.set({ queue }, count);
        },
      }),
    ];
  }

  /** A run the scheduler finished. */
  dagRunFinished(event: DagRunFinishedEvent): void {
    const labels = { dag_id: event.run.dagId, state: event.state };
    this.#dagRuns.inc(labels);
    const start = event.run.startDate;
    if (start !== null)
      this.#dagRunDuration.observe(
        labels,
        Math.max(0, (event.endDate.getTime() - start.getTime()) / 1000),
      );
  }

  /** One scheduler pass. */
  schedulerPass(report: PassReport): void {
    this.#loop.observe(report.durationMs / 1000);
  }

  /** A delivery of a try ended in this process (a worker's, or the LocalExecutor's). */
  taskDeliveryFinished(event: JobFinishedEvent): void {
    const dagId = event.job.dagId;
    if (event.result.status === "threw") {
      this.#runnerErrors.inc({ dag_id: dagId });
      return;
    }
    const outcome = event.result.outcome;
    if (outcome.kind === "dropped") {
      this.#dropped.inc({ dag_id: dagId });
      return;
    }
    this.#tasks.inc({ dag_id: dagId, task_id: event.job.taskId, state: outcome.state });
    this.#taskDuration.observe({ dag_id: dagId, state: outcome.state }, event.durationMs / 1000);
  }

  /** A notification delivery attempt ended. */
  alertDelivered(event: NotificationDeliveryEvent): void {
    this.#alerts.inc({ channel: event.channel, outcome: event.outcome });
  }

  /** Where the queue-depth gauges read from on each scrape (the scheduler's executor). */
  readQueueDepthsWith(reader: QueueDepthReader | null): void {
    const registered = this.#queueDepths !== null;
    this.#queueDepths = reader;
    if (reader !== null && !registered)
      for (const gauge of this.#queueGauges) this.registry.registerMetric(gauge);
    if (reader === null && registered)
      for (const name of QUEUE_GAUGES) this.registry.removeSingleMetric(name);
  }
}
