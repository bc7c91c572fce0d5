// The queue-depth metric is a contract between this stack and the process that publishes it:
// the worker service scales on it and an alarm watches it, so renaming any part of it here or in
// the publisher silently turns autoscaling off. Keep README.md ("The queue-depth metric") in step.
import { Duration } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";

/** CloudWatch namespace of Updraft's own metrics. */
export const UPDRAFT_METRIC_NAMESPACE = "Updraft";

/** Waiting jobs (BullMQ `wait` + `prioritized`) in one queue, published every 60 s. */
export const QUEUE_DEPTH_METRIC_NAME = "QueueDepth";

/** Dimensions of every datum: the Redis key prefix (one per deployment) and the queue name. */
export const QUEUE_DEPTH_DIMENSIONS = { prefix: "Prefix", queue: "Queue" } as const;

/** How often the publisher sends a datum, and the period alarms and scaling evaluate. */
export const QUEUE_DEPTH_PERIOD = Duration.minutes(1);

/**
 * Total waiting jobs over the queues a worker service serves. Maximum, not Sum, per queue:
 * every scheduler replica publishes the same value, and duplicates must not double it.
 */
export function queueDepthMetric(prefix: string, queues: readonly string[]): cloudwatch.IMetric {
  const perQueue = queues.map(
    (queue) =>
      new cloudwatch.Metric({
        namespace: UPDRAFT_METRIC_NAMESPACE,
        metricName: QUEUE_DEPTH_METRIC_NAME,
        dimensionsMap: {
          [QUEUE_DEPTH_DIMENSIONS.prefix]: prefix,
          [QUEUE_DEPTH_DIMENSIONS.queue]: queue,
        },
        statistic: cloudwatch.Stats.MAXIMUM,
        period: QUEUE_DEPTH_PERIOD,
      }),
  );
  const [only] = perQueue;
  if (perQueue.length === 1 && only) return only;
  return new cloudwatch.MathExpression({
    // A queue nobody published for counts as empty rather than blanking the sum.
    expression: perQueue.map((_, i) => `FILL(q${i}, 0)`).join(" + "),
    usingMetrics: Object.fromEntries(perQueue.map((metric, i) => [`q${i}`, metric])),
    label: `${QUEUE_DEPTH_METRIC_NAME} (${queues.join(", ")})`,
    period: QUEUE_DEPTH_PERIOD,
  });
}
