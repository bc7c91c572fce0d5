import { Duration } from "aws-cdk-lib";
import * as appscaling from "aws-cdk-lib/aws-applicationautoscaling";
import type * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import type * as ecs from "aws-cdk-lib/aws-ecs";

export interface WorkerScalingProps {
  readonly minCount: number;
  readonly maxCount: number;
  readonly concurrency: number;
  /** Waiting jobs over the worker's queues (see queueDepthMetric.ts). */
  readonly queueDepth: cloudwatch.IMetric;
}

/**
 * Step scaling on queue depth. Any waiting job adds a worker; a backlog of several workers'
 * worth adds more at once. An empty queue in two of three minutes removes one worker at a
 * time: its SIGTERM lets running tries finish or hands them back (stopTimeout), and the store
 * re-runs what was handed back, so scaling in never loses a try.
 */
export function scaleWorkersOnQueueDepth(
  service: ecs.FargateService,
  props: WorkerScalingProps,
): ecs.ScalableTaskCount {
  const scaling = service.autoScaleTaskCount({
    minCapacity: props.minCount,
    maxCapacity: props.maxCount,
  });
  scaling.scaleOnMetric("QueueDepthScaling", {
    metric: props.queueDepth,
    adjustmentType: appscaling.AdjustmentType.CHANGE_IN_CAPACITY,
    scalingSteps: [
      { upper: 0, change: -1 },
      { lower: 1, change: +1 },
      { lower: 2 * props.concurrency, change: +2 },
      { lower: 5 * props.concurrency, change: +4 },
    ],
    evaluationPeriods: 3,
    datapointsToAlarm: 2,
    cooldown: Duration.minutes(2),
    metricAggregationType: appscaling.MetricAggregationType.MAXIMUM,
  });
  return scaling;
}
