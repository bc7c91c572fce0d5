import { CfnOutput, Fn, Stack } from "aws-cdk-lib";
import type { Construct } from "constructs";
import { Alarms } from "./alarms";
import { AppSecrets } from "./appSecrets";
import { resolveContainerImage } from "./containerImage";
import { Database } from "./database";
import { Network } from "./network";
import { Redis } from "./redis";
import { Services } from "./services";
import { type ResolvedStackProps, type UpdraftStackProps, resolveStackProps } from "./stackProps";

/**
 * One Updraft deployment on AWS: network, Postgres (metadata), Redis (queues), the scheduler,
 * worker and API services, their secrets, and the alarms. Props are checked before any
 * resource is made, so a bad value fails `cdk synth` with the prop's name.
 */
export class UpdraftStack extends Stack {
  readonly config: ResolvedStackProps;
  readonly network: Network;
  readonly database: Database;
  readonly redis: Redis;
  readonly secrets: AppSecrets;
  readonly services: Services;
  readonly alarms: Alarms;

  constructor(scope: Construct, id: string, props: UpdraftStackProps) {
    super(scope, id, props);
    const config = resolveStackProps(props);
    this.config = config;
    this.network = new Network(this, "Network", { natGateways: config.natGateways });
    this.database = new Database(this, "Database", {
      network: this.network,
      instanceType: config.databaseInstanceType,
      storageGiB: config.databaseStorageGiB,
      multiAz: config.multiAz,
      deletionProtection: config.deletionProtection,
    });
    this.redis = new Redis(this, "Redis", {
      network: this.network,
      nodeType: config.redisNodeType,
      multiAz: config.multiAz,
    });
    this.secrets = new AppSecrets(this, "Secrets", { connections: config.connections });
    this.services = new Services(this, "Services", {
      network: this.network,
      database: this.database,
      redis: this.redis,
      secrets: this.secrets,
      image: resolveContainerImage(this, config.image),
      config,
    });
    this.alarms = new Alarms(this, "Alarms", {
      email: config.alarmEmail,
      services: this.services,
      database: this.database,
      redis: this.redis,
      queueDepthThreshold: config.queueDepthAlarmThreshold,
    });
    this.addOutputs();
  }

  private addOutputs(): void {
    const { services } = this;
    new CfnOutput(this, "ApiUrl", {
      description: "The web UI and REST API (/api/v2)",
      value: services.baseUrl,
    });
    new CfnOutput(this, "MigrateCommand", {
      description:
        "Runs `updraft db migrate` once; do it before the first start and after upgrades",
      value: Fn.join("", [
        "aws ecs run-task --launch-type FARGATE --cluster ",
        services.cluster.clusterName,
        " --task-definition ",
        services.migrateTask.taskDefinitionArn,
        " --network-configuration 'awsvpcConfiguration={subnets=[",
        Fn.join(",", this.network.vpc.selectSubnets(this.network.appSubnets).subnetIds),
        "],securityGroups=[",
        services.migrateSecurityGroup.securityGroupId,
        "],assignPublicIp=DISABLED}'",
      ]),
    });
    new CfnOutput(this, "AlarmTopicArn", { value: this.alarms.topic.topicArn });
    for (const [envName, secret] of this.secrets.connections) {
      new CfnOutput(this, `${envName}SecretArn`, {
        description: `Put the ${envName} URI here: aws secretsmanager put-secret-value --secret-id <arn> --secret-string '<uri>'`,
        value: secret.secretArn,
      });
    }
  }
}
