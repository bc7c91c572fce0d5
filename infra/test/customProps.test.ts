// A deployment with every knob turned: the props reach the resources they describe.
import { Match, type Template } from "aws-cdk-lib/assertions";
import { containerFor, resourcesOf, synthStack } from "./synthStack";

const CERTIFICATE = "arn:aws:acm:eu-west-1:123456789012:certificate/abc";

let template: Template;

beforeAll(() => {
  ({ template } = synthStack({
    workerMinCount: 0,
    workerMaxCount: 20,
    workerConcurrency: 8,
    workerQueues: ["default", "etl"],
    schedulerCount: 3,
    redisPrefix: "prod",
    connections: ["slack_default"],
    multiAz: false,
    deletionProtection: false,
    natGateways: 2,
    queueDepthAlarmThreshold: 50,
    certificateArn: CERTIFICATE,
    publicUrl: "https://updraft.example.com",
  }));
});

describe("worker autoscaling", () => {
  it("scales the worker service between the min and max props", () => {
    template.resourceCountIs("AWS::ApplicationAutoScaling::ScalableTarget", 1);
    template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", {
      MinCapacity: 0,
      MaxCapacity: 20,
      ScalableDimension: "ecs:service:DesiredCount",
      ResourceId: Match.objectLike({
        "Fn::Join": Match.arrayWith([
          Match.arrayWith([
            Match.objectLike({ "Fn::GetAtt": ["ServicesWorkerServiceC0E81058", "Name"] }),
          ]),
        ]),
      }),
    });
    template.hasResourceProperties("AWS::ECS::Service", {
      TaskDefinition: Match.objectLike({ Ref: Match.stringLikeRegexp("ServicesWorker") }),
      DesiredCount: 0,
    });
  });

  it("steps out by backlog measured in workers' concurrency, and in one at a time", () => {
    template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", {
      PolicyType: "StepScaling",
      StepScalingPolicyConfiguration: Match.objectLike({
        AdjustmentType: "ChangeInCapacity",
        // Thresholds are relative to the alarm's threshold of 1: 16 and 40 jobs are 2 and 5 workers' worth.
        StepAdjustments: [
          { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 15, ScalingAdjustment: 1 },
          { MetricIntervalLowerBound: 15, MetricIntervalUpperBound: 39, ScalingAdjustment: 2 },
          { MetricIntervalLowerBound: 39, ScalingAdjustment: 4 },
        ],
      }),
    });
    template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", {
      StepScalingPolicyConfiguration: Match.objectLike({
        StepAdjustments: [{ MetricIntervalUpperBound: 0, ScalingAdjustment: -1 }],
      }),
    });
  });

  it("sums the queue-depth metric over the worker's queues under the deployment's prefix", () => {
    const scalingAlarms = Object.values(resourcesOf(template, "AWS::CloudWatch::Alarm")).filter(
      (a) => JSON.stringify(a.Properties?.AlarmActions).includes("QueueDepthScaling"),
    );
    expect(scalingAlarms).toHaveLength(2);
    for (const alarm of scalingAlarms) {
      const metrics = alarm.Properties?.Metrics as Record<string, unknown>[];
      expect(metrics.find((m) => "Expression" in m)?.Expression).toBe("FILL(q0, 0) + FILL(q1, 0)");
      const dims = metrics
        .filter((m) => "MetricStat" in m)
        .map((m) => JSON.stringify(m.MetricStat));
      expect(dims).toHaveLength(2);
      for (const queue of ["default", "etl"]) {
        expect(dims.some((d) => d.includes(`{"Name":"Queue","Value":"${queue}"}`))).toBe(true);
      }
      for (const d of dims) {
        expect(d).toContain('"MetricName":"QueueDepth","Namespace":"Updraft"');
        expect(d).toContain('{"Name":"Prefix","Value":"prod"}');
      }
    }
  });

  it("passes concurrency and queues to the worker command, and the prefix to every process", () => {
    const worker = containerFor(template, "worker");
    expect(worker.Command).toEqual(["worker", "--concurrency", "8", "--queues", "default,etl"]);
    for (const verb of ["worker", "scheduler", "api-server"]) {
      expect(containerFor(template, verb).Environment).toEqual(
        expect.arrayContaining([
          { Name: "UPDRAFT_REDIS_PREFIX", Value: "prod" },
          { Name: "UPDRAFT_BASE_URL", Value: "https://updraft.example.com" },
        ]),
      );
    }
  });
});

describe("other props", () => {
  it("run as many schedulers as asked", () => {
    template.hasResourceProperties("AWS::ECS::Service", {
      TaskDefinition: Match.objectLike({ Ref: Match.stringLikeRegexp("ServicesScheduler") }),
      DesiredCount: 3,
    });
  });

  it("serve HTTPS with the certificate and redirect HTTP, still open only on those ports", () => {
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", {
      Port: 443,
      Protocol: "HTTPS",
      Certificates: [{ CertificateArn: CERTIFICATE }],
    });
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", {
      Port: 80,
      DefaultActions: [Match.objectLike({ Type: "redirect" })],
    });
    const open = Object.values(resourcesOf(template, "AWS::EC2::SecurityGroup")).flatMap((sg) =>
      ((sg.Properties?.SecurityGroupIngress ?? []) as Record<string, unknown>[])
        .filter((r) => r.CidrIp === "0.0.0.0/0")
        .map((r) => r.FromPort),
    );
    expect(open.sort()).toEqual([443, 80]);
  });

  it("drop the standby and replica without multi-AZ, and allow deleting the database", () => {
    template.hasResourceProperties("AWS::RDS::DBInstance", {
      MultiAZ: false,
      DeletionProtection: false,
      StorageEncrypted: true,
    });
    template.hasResourceProperties("AWS::ElastiCache::ReplicationGroup", {
      NumCacheClusters: 1,
      AutomaticFailoverEnabled: false,
      MultiAZEnabled: false,
    });
    const redisAlarms = Object.values(resourcesOf(template, "AWS::CloudWatch::Alarm")).filter(
      (a) => a.Properties?.MetricName === "DatabaseMemoryUsagePercentage",
    );
    expect(redisAlarms).toHaveLength(1);
  });

  it("make one secret per listed connection and nothing for the defaults", () => {
    expect(containerFor(template, "worker").Secrets).toEqual(
      expect.arrayContaining([expect.objectContaining({ Name: "AIRFLOW_CONN_SLACK_DEFAULT" })]),
    );
    const names = Object.values(resourcesOf(template, "AWS::SecretsManager::Secret"))
      .map((s) => s.Properties?.Name)
      .filter((n): n is string => typeof n === "string");
    expect(names).toEqual(["UpdraftTest/AIRFLOW_CONN_SLACK_DEFAULT"]);
  });

  it("use the NAT gateway count and the queue-depth threshold", () => {
    template.resourceCountIs("AWS::EC2::NatGateway", 2);
    template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      AlarmDescription: Match.stringLikeRegexp("^More than 50 jobs waiting"),
      Threshold: 50,
    });
  });
});
