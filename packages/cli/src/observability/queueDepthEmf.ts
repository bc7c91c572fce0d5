// The queue-depth metric the AWS deployment scales workers on (infra/src/queueDepthMetric.ts is
// the other side of this contract: namespace Updraft, metric QueueDepth, dimensions Prefix and
// Queue, one datum per queue a minute, zeros included). The scheduler writes it to stdout in
// CloudWatch's Embedded Metric Format: the awslogs driver ships the line to CloudWatch Logs,
// which turns it into the metric, so no AWS SDK, credentials or network call sit in the loop.
import type { QueueDepthReader } from "./metricRecorder";

export const EMF_NAMESPACE = "Updraft";
export const EMF_METRIC = "QueueDepth";
/** Reported when the executor has one heap for every queue (the LocalExecutor). */
const DEFAULT_QUEUE = "default";

/** One EMF record: the depth of one queue at `at`. */
export function queueDepthEmfLine(prefix: string, queue: string, depth: number, at: Date): string {
  return JSON.stringify({
    _aws: {
      Timestamp: at.getTime(),
      CloudWatchMetrics: [
        {
          Namespace: EMF_NAMESPACE,
          Dimensions: [["Prefix", "Queue"]],
          Metrics: [{ Name: EMF_METRIC, Unit: "Count" }],
        },
      ],
    },
    Prefix: prefix,
    Queue: queue,
    [EMF_METRIC]: depth,
  });
}

/** What publishQueueDepthEmf needs. */
export interface QueueDepthEmfOptions {
  readonly read: QueueDepthReader;
  /** The Redis key prefix (UPDRAFT_REDIS_PREFIX): one deployment's dimension. */
  readonly prefix: string;
  /** Where the records go: the process's stdout. */
  readonly out: (line: string) => void;
  /** Told when a read fails; the next tick tries again. */
  readonly onError: (error: unknown) => void;
  /** @default 60000, the period the stack's scaling and alarm evaluate */
  readonly intervalMs?: number;
  readonly clock?: () => Date;
}

/** Writes one record per queue now and every interval; returns the function that stops it. */
export function publishQueueDepthEmf(options: QueueDepthEmfOptions): () => void {
  const clock = options.clock ?? (() => new Date());
  const tick = async (): Promise<void> => {
    try {
      const depths = await options.read();
      const at = clock();
      const perQueue =
        depths.perQueue.size > 0 ? depths.perQueue : new Map([[DEFAULT_QUEUE, depths.total]]);
      for (const [queue, depth] of perQueue)
        options.out(queueDepthEmfLine(options.prefix, queue, depth, at));
    } catch (error) {
      options.onError(error);
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), options.intervalMs ?? 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
