// The default deployment, synthesized once: what it creates and the properties that make it
// safe (private data stores, secrets never in plain env) and operable (HA, health, alarms).
import { Match, type Template } from "aws-cdk-lib/assertions";
import {
  API_HEALTH_CHECK_PATH,
  CONNECTION_PLACEHOLDER,
  QUEUE_DEPTH_METRIC_NAME,
  UPDRAFT_METRIC_NAMESPACE,
} from "../src";
import { containerFor, logicalIdOf, resourcesOf, synthStack } from "./synthStack";

let template: Template;

beforeAll(() => {
  ({ template } = synthStack());
});

const ref = (id: string) => ({ Ref: id });

describe("network", () => {
  it("has one VPC over two AZs with public, private (NAT) and isolated subnets", () => {
    template.resourceCountIs("AWS::EC2::VPC", 1);
    template.resourceCountIs("AWS::EC2::Subnet", 6);
    template.resourceCountIs("AWS::EC2::NatGateway", 1);
    const tiers = Object.values(resourcesOf(template, "AWS::EC2::Subnet")).map(
      (s) =>
        (s.Properties?.Tags as { Key: string; Value: string }[]).find(
          (t) => t.Key === "aws-cdk:subnet-name",
        )?.Value,
    );
    expect(tiers.sort()).toEqual(["app", "app", "data", "data", "public", "public"]);
  });
});

describe("database", () => {
  it("is an encrypted, private, multi-AZ Postgres with deletion protection", () => {
    template.resourceCountIs("AWS::RDS::DBInstance", 1);
    template.hasResourceProperties("AWS::RDS::DBInstance", {
      Engine: "postgres",
      EngineVersion: Match.stringLikeRegexp("^17"),
      StorageEncrypted: true,
      PubliclyAccessible: false,
      MultiAZ: true,
      DeletionProtection: true,
      MasterUsername: "updraft",
      MasterUserPassword: Match.objectLike({
        "Fn::Join": Match.arrayWith([
          Match.arrayWith([Match.stringLikeRegexp("resolve:secretsmanager")]),
        ]),
      }),
    });
    template.hasResource("AWS::RDS::DBInstance", { DeletionPolicy: "Snapshot" });
  });

  it("lives in the isolated data subnets", () => {
    const subnetIds = template.findResources("AWS::RDS::DBSubnetGroup");
    const [group] = Object.values(subnetIds);
    const refs = (group?.Properties.SubnetIds as { Ref: string }[]).map((r) => r.Ref);
    expect(refs).toHaveLength(2);
    for (const id of refs) expect(id).toMatch(/dataSubnet/);
  });
});

describe("redis", () => {
  it("is a TLS + AUTH replication group with failover, in the isolated subnets, noeviction", () => {
    template.resourceCountIs("AWS::ElastiCache::ReplicationGroup", 1);
    template.hasResourceProperties("AWS::ElastiCache::ReplicationGroup", {
      Engine: "valkey",
      TransitEncryptionEnabled: true,
      AtRestEncryptionEnabled: true,
      NumCacheClusters: 2,
      AutomaticFailoverEnabled: true,
      MultiAZEnabled: true,
    });
    const [group] = Object.values(resourcesOf(template, "AWS::ElastiCache::ReplicationGroup"));
    expect(JSON.stringify(group?.Properties?.AuthToken)).toMatch(/\{\{resolve:secretsmanager:/);
    const [subnetGroup] = Object.values(resourcesOf(template, "AWS::ElastiCache::SubnetGroup"));
    const refs = (subnetGroup?.Properties?.SubnetIds as { Ref: string }[]).map((r) => r.Ref);
    expect(refs).toHaveLength(2);
    for (const id of refs) expect(id).toMatch(/dataSubnet/);
    template.hasResourceProperties("AWS::ElastiCache::ParameterGroup", {
      Properties: { "maxmemory-policy": "noeviction" },
    });
  });
});

describe("security groups", () => {
  it("let nothing in from 0.0.0.0/0 except the load balancer's listener port", () => {
    const open: string[] = [];
    for (const [id, sg] of Object.entries(resourcesOf(template, "AWS::EC2::SecurityGroup"))) {
      for (const rule of (sg.Properties?.SecurityGroupIngress ?? []) as Record<string, unknown>[]) {
        if (rule.CidrIp === "0.0.0.0/0" || rule.CidrIpv6 === "::/0") {
          open.push(`${id}:${String(rule.FromPort)}-${String(rule.ToPort)}`);
        }
      }
    }
    for (const [id, rule] of Object.entries(
      resourcesOf(template, "AWS::EC2::SecurityGroupIngress"),
    )) {
      const p = rule.Properties ?? {};
      if (p.CidrIp === "0.0.0.0/0" || p.CidrIpv6 === "::/0")
        open.push(`${id}:${String(p.FromPort)}`);
    }
    expect(open).toHaveLength(1);
    expect(open[0]).toMatch(/^ServicesApiLoadBalancerSecurityGroup\w+:80-80$/);
  });

  it("admit Postgres and Redis traffic only from the four task security groups", () => {
    const ingress = Object.values(resourcesOf(template, "AWS::EC2::SecurityGroupIngress"));
    const sources = (target: RegExp) =>
      ingress
        .filter((r) => JSON.stringify(r.Properties?.GroupId).match(target))
        .map((r) => JSON.stringify(r.Properties?.SourceSecurityGroupId))
        .sort();
    const dbSources = sources(/DatabaseInstanceSecurityGroup/);
    expect(dbSources).toHaveLength(4);
    for (const s of dbSources)
      expect(s).toMatch(/Services(Scheduler|Worker|Api|Migrate)SecurityGroup/);
    const redisSources = sources(/RedisSecurityGroup/);
    expect(redisSources).toHaveLength(3);
    for (const s of redisSources) expect(s).toMatch(/Services(Scheduler|Worker|Api)SecurityGroup/);
  });
});

describe("services", () => {
  it("run the scheduler (2, HA), the workers and the API on Fargate in private subnets", () => {
    template.resourceCountIs("AWS::ECS::Cluster", 1);
    template.resourceCountIs("AWS::ECS::Service", 3);
    template.resourceCountIs("AWS::ECS::TaskDefinition", 4);
    const schedulerTask = logicalIdOf(template, "AWS::ECS::TaskDefinition", {
      ContainerDefinitions: [Match.objectLike({ Command: ["scheduler"] })],
    });
    template.hasResourceProperties("AWS::ECS::Service", {
      TaskDefinition: ref(schedulerTask),
      DesiredCount: 2,
      LaunchType: "FARGATE",
      DeploymentConfiguration: Match.objectLike({ MinimumHealthyPercent: 50 }),
    });
    for (const service of Object.values(resourcesOf(template, "AWS::ECS::Service"))) {
      const vpc = (
        service.Properties?.NetworkConfiguration as Record<string, Record<string, unknown>>
      ).AwsvpcConfiguration;
      expect(vpc?.AssignPublicIp).toBe("DISABLED");
      for (const subnet of vpc?.Subnets as { Ref: string }[])
        expect(subnet.Ref).toMatch(/appSubnet/);
    }
  });

  it("give the worker its concurrency and queues on the command line, and time to drain", () => {
    const worker = containerFor(template, "worker");
    expect(worker.Command).toEqual(["worker", "--concurrency", "16", "--queues", "default"]);
    expect(worker.StopTimeout).toBe(120);
  });

  it("has a one-off `db migrate` task definition with only the database URL", () => {
    const migrate = containerFor(template, "db", "migrate");
    expect((migrate.Secrets as { Name: string }[]).map((s) => s.Name)).toEqual([
      "UPDRAFT_DATABASE_URL",
    ]);
    template.hasOutput("MigrateCommand", {
      Value: Match.objectLike({ "Fn::Join": Match.anyValue() }),
    });
  });

  it("put the API behind the load balancer with the health-check path on port 8080", () => {
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", {
      Scheme: "internet-facing",
    });
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", {
      Port: 80,
      Protocol: "HTTP",
    });
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", {
      Port: 8080,
      TargetType: "ip",
      HealthCheckPath: API_HEALTH_CHECK_PATH,
      Matcher: { HttpCode: "200" },
    });
    const api = containerFor(template, "api-server");
    expect(api.PortMappings).toEqual([expect.objectContaining({ ContainerPort: 8080 })]);
    template.hasResourceProperties("AWS::ECS::Service", {
      DesiredCount: 2,
      LoadBalancers: [Match.objectLike({ ContainerPort: 8080 })],
    });
  });

  it("have the schedulers alone write the queue-depth metric, to their log (EMF), with no metrics API grant", () => {
    const emf = Object.values(resourcesOf(template, "AWS::ECS::TaskDefinition")).filter((t) =>
      JSON.stringify(t.Properties).includes('"UPDRAFT_CLOUDWATCH_EMF"'),
    );
    expect(emf).toHaveLength(1);
    expect(JSON.stringify(emf[0]?.Properties)).toContain('"Command":["scheduler"]');
    expect(JSON.stringify(emf[0]?.Properties)).toContain(
      '{"Name":"UPDRAFT_CLOUDWATCH_EMF","Value":"true"}',
    );
    expect(JSON.stringify(resourcesOf(template, "AWS::IAM::Policy"))).not.toContain(
      "cloudwatch:PutMetricData",
    );
  });
});

describe("secrets", () => {
  const SECRET_NAMES = /URL|SECRET_KEY|PASSWORD|TOKEN|^AIRFLOW_CONN_/;

  it("reach every container as ECS secrets, never as plain environment values", () => {
    for (const task of Object.values(resourcesOf(template, "AWS::ECS::TaskDefinition"))) {
      for (const c of task.Properties?.ContainerDefinitions as Record<string, unknown>[]) {
        const env = (c.Environment ?? []) as { Name: string; Value: unknown }[];
        for (const e of env) {
          if (e.Name === "UPDRAFT_BASE_URL") continue; // the public address, not a secret
          expect(e.Name).not.toMatch(SECRET_NAMES);
        }
        for (const s of (c.Secrets ?? []) as { Name: string; ValueFrom: unknown }[]) {
          expect(JSON.stringify(s.ValueFrom)).toMatch(/Ref|secretsmanager/);
        }
      }
    }
  });

  it("give the API its key, and the scheduler and workers every connection", () => {
    const names = (c: Record<string, unknown>) =>
      ((c.Secrets ?? []) as { Name: string }[]).map((s) => s.Name).sort();
    const connections = [
      "AIRFLOW_CONN_DEALERSHIP_WAREHOUSE",
      "AIRFLOW_CONN_POSTGRES_SOURCE",
      "AIRFLOW_CONN_SMTP_DEFAULT",
    ];
    const store = ["UPDRAFT_DATABASE_URL", "UPDRAFT_REDIS_URL"];
    expect(names(containerFor(template, "api-server"))).toEqual(
      [...store, "UPDRAFT_API_SECRET_KEY"].sort(),
    );
    expect(names(containerFor(template, "scheduler"))).toEqual([...connections, ...store].sort());
    expect(names(containerFor(template, "worker"))).toEqual([...connections, ...store].sort());
  });

  it("build the database and Redis URLs from dynamic references, with no literal password", () => {
    const urls = Object.values(resourcesOf(template, "AWS::SecretsManager::Secret"))
      .map((s) => JSON.stringify(s.Properties?.SecretString ?? ""))
      .filter((s) => /postgresql:|rediss:/.test(s));
    expect(urls).toHaveLength(2);
    for (const url of urls) expect(url).toMatch(/\{\{resolve:secretsmanager:/);
    expect(urls.join()).toMatch(/sslmode=no-verify/);
  });

  it("create one placeholder secret per connection, named for its variable", () => {
    for (const name of ["POSTGRES_SOURCE", "DEALERSHIP_WAREHOUSE", "SMTP_DEFAULT"]) {
      template.hasResourceProperties("AWS::SecretsManager::Secret", {
        Name: `UpdraftTest/AIRFLOW_CONN_${name}`,
        SecretString: CONNECTION_PLACEHOLDER,
      });
      template.hasOutput(`AIRFLOWCONN${name.replace(/_/g, "")}SecretArn`, Match.anyValue());
    }
  });
});

describe("alarms", () => {
  it("send every alarm and its recovery to one SNS topic with the email subscription", () => {
    template.resourceCountIs("AWS::SNS::Topic", 1);
    template.hasResourceProperties("AWS::SNS::Subscription", {
      Protocol: "email",
      Endpoint: "oncall@example.com",
    });
    const topic = logicalIdOf(template, "AWS::SNS::Topic", {});
    const alarms = Object.entries(resourcesOf(template, "AWS::CloudWatch::Alarm")).filter(([id]) =>
      id.startsWith("Alarms"),
    );
    expect(alarms.map(([id]) => id.replace(/[0-9A-F]{8}$/, "")).sort()).toEqual([
      "AlarmsApi5xx",
      "AlarmsApiUnhealthyHosts",
      "AlarmsDatabaseCpu",
      "AlarmsDatabaseStorage",
      "AlarmsQueueDepthHigh",
      "AlarmsRedisMemory1",
      "AlarmsRedisMemory2",
      "AlarmsSchedulerNotRunning",
    ]);
    for (const [, alarm] of alarms) {
      expect(alarm.Properties?.AlarmActions).toEqual([ref(topic)]);
      expect(alarm.Properties?.OKActions).toEqual([ref(topic)]);
    }
  });

  it("page when no scheduler runs, counting silence as down", () => {
    template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      Namespace: "ECS/ContainerInsights",
      MetricName: "RunningTaskCount",
      Threshold: 1,
      ComparisonOperator: "LessThanThreshold",
      TreatMissingData: "breaching",
      Dimensions: Match.arrayWith([
        Match.objectLike({
          Name: "ServiceName",
          Value: Match.objectLike({
            "Fn::GetAtt": Match.arrayWith([Match.stringLikeRegexp("SchedulerService")]),
          }),
        }),
      ]),
    });
    template.hasResourceProperties("AWS::ECS::Cluster", {
      ClusterSettings: [{ Name: "containerInsights", Value: "enabled" }],
    });
  });

  it("watch queue depth, Redis memory per node and Postgres storage", () => {
    template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      AlarmName: Match.absent(),
      Namespace: UPDRAFT_METRIC_NAMESPACE,
      MetricName: QUEUE_DEPTH_METRIC_NAME,
      Threshold: 1000,
      ComparisonOperator: "GreaterThanThreshold",
      EvaluationPeriods: 15,
      TreatMissingData: "breaching",
    });
    template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      MetricName: "DatabaseMemoryUsagePercentage",
      Dimensions: [{ Name: "CacheClusterId", Value: Match.stringLikeRegexp("-002$") }],
    });
    template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      MetricName: "FreeStorageSpace",
      Threshold: 2 * 1024 ** 3, // 10% of the default 20 GiB
    });
  });

  it("watch the load balancer's 5xx and unhealthy hosts", () => {
    template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: "FILL(target, 0) + FILL(elb, 0)" }),
        Match.objectLike({
          MetricStat: Match.objectLike({
            Metric: Match.objectLike({ MetricName: "HTTPCode_Target_5XX_Count" }),
          }),
        }),
        Match.objectLike({
          MetricStat: Match.objectLike({
            Metric: Match.objectLike({ MetricName: "HTTPCode_ELB_5XX_Count" }),
          }),
        }),
      ]),
    });
    template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      MetricName: "UnHealthyHostCount",
      Threshold: 1,
    });
  });
});

describe("queue-depth metric", () => {
  it("is what the worker scales on, per prefix and queue", () => {
    template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      AlarmActions: [
        Match.objectLike({ Ref: Match.stringLikeRegexp("QueueDepthScalingUpperPolicy") }),
      ],
      Namespace: "Updraft",
      MetricName: "QueueDepth",
      Statistic: "Maximum",
      Period: 60,
      Dimensions: Match.arrayWith([
        { Name: "Prefix", Value: "updraft" },
        { Name: "Queue", Value: "default" },
      ]),
    });
  });
});
