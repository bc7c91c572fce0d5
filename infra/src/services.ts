import { Duration, RemovalPolicy } from "aws-cdk-lib";
import type * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as ec2 from "aws-cdk-lib/aws-ec2";
import * as ecs from "aws-cdk-lib/aws-ecs";
import * as elbv2 from "aws-cdk-lib/aws-elasticloadbalancingv2";
import * as logs from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { API_HEALTH_CHECK_PATH, API_PORT, ApiLoadBalancer } from "./apiLoadBalancer";
import type { AppSecrets } from "./appSecrets";
import type { Database } from "./database";
import type { Network } from "./network";
import { queueDepthMetric } from "./queueDepthMetric";
import type { Redis } from "./redis";
import type { ResolvedStackProps } from "./stackProps";
import { updraftTaskDefinition } from "./taskDefinition";
import { scaleWorkersOnQueueDepth } from "./workerScaling";

export interface ServicesProps {
  readonly network: Network;
  readonly database: Database;
  readonly redis: Redis;
  readonly secrets: AppSecrets;
  readonly image: ecs.ContainerImage;
  readonly config: ResolvedStackProps;
}

// Fargate allows at most 120 s between SIGTERM and SIGKILL; a worker uses all of it to finish
// running tries before handing the rest back.
const WORKER_STOP_TIMEOUT = Duration.seconds(120);

/**
 * The ECS cluster and Updraft's processes on it, all from one image: the schedulers (HA, no
 * load balancer), the workers (scaled on queue depth), the API servers behind the load
 * balancer, and a one-off `db migrate` task definition. Each has its own security group, let
 * into Postgres and Redis by `Database.allowFrom` / `Redis.allowFrom`.
 */
export class Services extends Construct {
  readonly cluster: ecs.Cluster;
  readonly scheduler: ecs.FargateService;
  readonly worker: ecs.FargateService;
  readonly api: ecs.FargateService;
  readonly apiTargetGroup: elbv2.ApplicationTargetGroup;
  readonly loadBalancer: ApiLoadBalancer;
  readonly migrateTask: ecs.FargateTaskDefinition;
  readonly migrateSecurityGroup: ec2.SecurityGroup;
  readonly queueDepth: cloudwatch.IMetric;
  readonly baseUrl: string;

  constructor(scope: Construct, id: string, props: ServicesProps) {
    super(scope, id);
    const { network, database, redis, secrets, image, config } = props;
    const { vpc } = network;

    this.cluster = new ecs.Cluster(this, "Cluster", {
      vpc,
      // RunningTaskCount per service, which the "scheduler not running" alarm watches.
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
    });
    const logGroup = new logs.LogGroup(this, "Logs", {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.loadBalancer = new ApiLoadBalancer(this, "ApiLoadBalancer", {
      network,
      certificateArn: config.certificateArn,
    });
    this.baseUrl = config.publicUrl ?? this.loadBalancer.url;

    const environment = {
      UPDRAFT_EXECUTOR: "BullMQExecutor",
      UPDRAFT_REDIS_PREFIX: config.redisPrefix,
      UPDRAFT_BASE_URL: this.baseUrl,
    };
    const storeSecrets = {
      UPDRAFT_DATABASE_URL: ecs.Secret.fromSecretsManager(database.urlSecret),
      UPDRAFT_REDIS_URL: ecs.Secret.fromSecretsManager(redis.urlSecret),
    };
    const securityGroup = (name: string): ec2.SecurityGroup => {
      const sg = new ec2.SecurityGroup(this, `${name}SecurityGroup`, {
        vpc,
        description: `Updraft ${name.toLowerCase()} tasks`,
      });
      database.allowFrom(sg);
      redis.allowFrom(sg);
      return sg;
    };
    const serviceDefaults = {
      cluster: this.cluster,
      vpcSubnets: network.appSubnets,
      assignPublicIp: false,
      circuitBreaker: { rollback: true },
      enableExecuteCommand: false,
    };

    // Schedulers: the DAG processor, the scheduling loop and the notification dispatcher, so
    // they get the connections (smtp_default and friends) too.
    const schedulerTask = updraftTaskDefinition(this, "Scheduler", {
      image,
      command: ["scheduler"],
      cpu: 1024,
      memoryMiB: 2048,
      // The queue-depth metric the workers scale on, as Embedded Metric Format records in the
      // scheduler's log: CloudWatch Logs makes the metric, so the task needs no metrics API.
      environment: { ...environment, UPDRAFT_CLOUDWATCH_EMF: "true" },
      secrets: { ...storeSecrets, ...secrets.connectionSecrets() },
      logGroup,
    });
    this.scheduler = new ecs.FargateService(this, "SchedulerService", {
      ...serviceDefaults,
      taskDefinition: schedulerTask,
      desiredCount: config.schedulerCount,
      securityGroups: [securityGroup("Scheduler")],
      // Schedulers are safe side by side (SKIP LOCKED claims), so a deploy starts the new ones
      // before stopping the old and never drops below one.
      minHealthyPercent: 50,
      maxHealthyPercent: 200,
    });

    const workerTask = updraftTaskDefinition(this, "Worker", {
      image,
      command: [
        "worker",
        "--concurrency",
        String(config.workerConcurrency),
        "--queues",
        config.workerQueues.join(","),
      ],
      cpu: 1024,
      memoryMiB: 2048,
      environment,
      secrets: { ...storeSecrets, ...secrets.connectionSecrets() },
      logGroup,
      stopTimeout: WORKER_STOP_TIMEOUT,
    });
    this.worker = new ecs.FargateService(this, "WorkerService", {
      ...serviceDefaults,
      taskDefinition: workerTask,
      desiredCount: config.workerMinCount,
      securityGroups: [securityGroup("Worker")],
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
    });
    this.queueDepth = queueDepthMetric(config.redisPrefix, config.workerQueues);
    scaleWorkersOnQueueDepth(this.worker, {
      minCount: config.workerMinCount,
      maxCount: config.workerMaxCount,
      concurrency: config.workerConcurrency,
      queueDepth: this.queueDepth,
    });

    const apiTask = updraftTaskDefinition(this, "Api", {
      image,
      command: ["api-server"],
      cpu: 512,
      memoryMiB: 1024,
      environment: {
        ...environment,
        UPDRAFT_API_HOST: "0.0.0.0",
        UPDRAFT_API_PORT: String(API_PORT),
      },
      secrets: {
        ...storeSecrets,
        UPDRAFT_API_SECRET_KEY: ecs.Secret.fromSecretsManager(secrets.apiSecretKey),
      },
      logGroup,
      containerPort: API_PORT,
    });
    this.api = new ecs.FargateService(this, "ApiService", {
      ...serviceDefaults,
      taskDefinition: apiTask,
      desiredCount: config.apiCount,
      securityGroups: [securityGroup("Api")],
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      healthCheckGracePeriod: Duration.seconds(60),
    });
    this.apiTargetGroup = this.loadBalancer.listener.addTargets("Api", {
      port: API_PORT,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targets: [this.api],
      healthCheck: {
        path: API_HEALTH_CHECK_PATH,
        healthyHttpCodes: "200",
        interval: Duration.seconds(15),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 3,
      },
      deregistrationDelay: Duration.seconds(30),
    });

    // Run before the first start and after every image that adds migrations (see README).
    this.migrateTask = updraftTaskDefinition(this, "Migrate", {
      image,
      command: ["db", "migrate"],
      cpu: 256,
      memoryMiB: 512,
      environment: {},
      secrets: { UPDRAFT_DATABASE_URL: storeSecrets.UPDRAFT_DATABASE_URL },
      logGroup,
    });
    this.migrateSecurityGroup = new ec2.SecurityGroup(this, "MigrateSecurityGroup", {
      vpc,
      description: "Updraft db migrate task",
    });
    database.allowFrom(this.migrateSecurityGroup);
  }
}
