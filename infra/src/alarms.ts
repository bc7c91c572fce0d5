import { Duration } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as actions from "aws-cdk-lib/aws-cloudwatch-actions";
import * as elbv2 from "aws-cdk-lib/aws-elasticloadbalancingv2";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import { Construct } from "constructs";
import type { Database } from "./database";
import type { Redis } from "./redis";
import type { Services } from "./services";

export interface AlarmsProps {
  readonly email: string;
  readonly services: Services;
  readonly database: Database;
  readonly redis: Redis;
  readonly queueDepthThreshold: number;
}

const GIB = 1024 ** 3;

/**
 * What pages on-call, all through one SNS topic with an email subscription: the API failing or
 * losing hosts, Postgres short of CPU or disk, Redis short of memory (BullMQ then refuses
 * writes), no scheduler running, and a queue that keeps growing. Each alarm also notifies when
 * it returns to OK, so a mailbox shows when a problem ended.
 */
export class Alarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: readonly cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, "Topic", { displayName: "Updraft alarms" });
    this.topic.addSubscription(new subscriptions.EmailSubscription(props.email));

    const { services, database, redis } = props;
    const list: cloudwatch.Alarm[] = [];
    const add = (name: string, alarmProps: cloudwatch.AlarmProps): void => {
      const alarm = new cloudwatch.Alarm(this, name, alarmProps);
      alarm.addAlarmAction(new actions.SnsAction(this.topic));
      alarm.addOkAction(new actions.SnsAction(this.topic));
      list.push(alarm);
    };
    const fiveMinutes = Duration.minutes(5);

    add("Api5xx", {
      alarmDescription:
        "The API answers with 5xx errors (from the API servers or the load balancer)",
      metric: new cloudwatch.MathExpression({
        expression: "FILL(target, 0) + FILL(elb, 0)",
        usingMetrics: {
          target: services.apiTargetGroup.metrics.httpCodeTarget(
            elbv2.HttpCodeTarget.TARGET_5XX_COUNT,
            { period: fiveMinutes, statistic: cloudwatch.Stats.SUM },
          ),
          elb: services.loadBalancer.loadBalancer.metrics.httpCodeElb(
            elbv2.HttpCodeElb.ELB_5XX_COUNT,
            { period: fiveMinutes, statistic: cloudwatch.Stats.SUM },
          ),
        },
        label: "API 5xx responses",
        period: fiveMinutes,
      }),
      threshold: 10,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    add("ApiUnhealthyHosts", {
      alarmDescription: `API servers failing the load balancer's health check`,
      metric: services.apiTargetGroup.metrics.unhealthyHostCount({
        period: Duration.minutes(1),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      threshold: 1,
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    add("DatabaseCpu", {
      alarmDescription: "Postgres CPU above 80% for 15 minutes",
      metric: database.instance.metricCPUUtilization({ period: fiveMinutes }),
      threshold: 80,
      evaluationPeriods: 3,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
    add("DatabaseStorage", {
      alarmDescription: "Postgres free storage below 10% of the allocated size",
      metric: database.instance.metricFreeStorageSpace({
        period: fiveMinutes,
        statistic: cloudwatch.Stats.MINIMUM,
      }),
      threshold: Math.round(database.storageGiB * GIB * 0.1),
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
    });
    for (const [i, clusterId] of redis.memberClusterIds.entries()) {
      add(`RedisMemory${i + 1}`, {
        alarmDescription: `Redis node ${clusterId} above 80% memory: at 100% BullMQ refuses new jobs (noeviction)`,
        metric: new cloudwatch.Metric({
          namespace: "AWS/ElastiCache",
          metricName: "DatabaseMemoryUsagePercentage",
          dimensionsMap: { CacheClusterId: clusterId },
          statistic: cloudwatch.Stats.MAXIMUM,
          period: fiveMinutes,
        }),
        threshold: 80,
        evaluationPeriods: 2,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      });
    }
    add("SchedulerNotRunning", {
      alarmDescription: "No scheduler task is running: no runs are created and no tasks queued",
      metric: new cloudwatch.Metric({
        namespace: "ECS/ContainerInsights",
        metricName: "RunningTaskCount",
        dimensionsMap: {
          ClusterName: services.cluster.clusterName,
          ServiceName: services.scheduler.serviceName,
        },
        statistic: cloudwatch.Stats.MINIMUM,
        period: Duration.minutes(1),
      }),
      threshold: 1,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      // No data means no task reported at all.
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });
    add("QueueDepthHigh", {
      alarmDescription: `More than ${props.queueDepthThreshold} jobs waiting for 15 minutes (workers at their maximum or failing), or no queue-depth datum, which means the scheduler stopped publishing it`,
      metric: services.queueDepth,
      threshold: props.queueDepthThreshold,
      evaluationPeriods: 15,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      // Without the datum the workers cannot scale, which is as bad as a backlog.
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });
    this.alarms = list;
  }
}
