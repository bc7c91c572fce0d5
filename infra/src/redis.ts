import { Fn, Names, SecretValue } from "aws-cdk-lib";
import * as ec2 from "aws-cdk-lib/aws-ec2";
import * as elasticache from "aws-cdk-lib/aws-elasticache";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import { Construct } from "constructs";
import type { Network } from "./network";
import { URL_UNSAFE_CHARACTERS } from "./urlSafePassword";

export interface RedisProps {
  readonly network: Network;
  readonly nodeType: string;
  readonly multiAz: boolean;
}

const PORT = 6379;

/**
 * The queues' transport: an ElastiCache (Valkey, Redis-compatible) replication group in the
 * isolated subnets with TLS in transit, encryption at rest and an AUTH token. `urlSecret`
 * holds the whole `UPDRAFT_REDIS_URL` (`rediss://:<token>@<primary>:6379`), assembled by
 * CloudFormation so the token never appears in the template.
 */
export class Redis extends Construct {
  readonly replicationGroup: elasticache.CfnReplicationGroup;
  readonly securityGroup: ec2.SecurityGroup;
  readonly urlSecret: secretsmanager.Secret;
  /** The member clusters' ids (`<group>-001`, …), the dimension of ElastiCache's node metrics. */
  readonly memberClusterIds: readonly string[];

  constructor(scope: Construct, id: string, props: RedisProps) {
    super(scope, id);
    const { vpc } = props.network;
    this.securityGroup = new ec2.SecurityGroup(this, "SecurityGroup", {
      vpc,
      description: "Updraft Redis: reachable from Updraft tasks only",
      allowAllOutbound: false,
    });
    const subnetGroup = new elasticache.CfnSubnetGroup(this, "SubnetGroup", {
      description: "Updraft Redis in the isolated data subnets",
      subnetIds: vpc.selectSubnets(props.network.dataSubnets).subnetIds,
    });
    // BullMQ needs every key kept: with the default volatile-lru a full Redis would evict job
    // data and locks, losing or duplicating work. noeviction makes writes fail loudly instead.
    const parameters = new elasticache.CfnParameterGroup(this, "Parameters", {
      cacheParameterGroupFamily: "valkey8",
      description: "Updraft Redis: BullMQ requires maxmemory-policy noeviction",
      properties: { "maxmemory-policy": "noeviction" },
    });
    const authToken = new secretsmanager.Secret(this, "AuthToken", {
      description: "AUTH token of the Updraft Redis replication group",
      generateSecretString: {
        passwordLength: 64,
        excludeCharacters: URL_UNSAFE_CHARACTERS,
      },
    });
    const groupId = Names.uniqueResourceName(this, { maxLength: 40, separator: "-" }).toLowerCase();
    const nodes = props.multiAz ? 2 : 1;
    this.memberClusterIds = Array.from(
      { length: nodes },
      (_, i) => `${groupId}-${String(i + 1).padStart(3, "0")}`,
    );
    this.replicationGroup = new elasticache.CfnReplicationGroup(this, "ReplicationGroup", {
      replicationGroupId: groupId,
      replicationGroupDescription: "Updraft queues (BullMQ)",
      engine: "valkey",
      engineVersion: "8.0",
      cacheNodeType: props.nodeType,
      numCacheClusters: nodes,
      automaticFailoverEnabled: props.multiAz,
      multiAzEnabled: props.multiAz,
      cacheSubnetGroupName: subnetGroup.ref,
      cacheParameterGroupName: parameters.ref,
      securityGroupIds: [this.securityGroup.securityGroupId],
      port: PORT,
      transitEncryptionEnabled: true,
      atRestEncryptionEnabled: true,
      authToken: authToken.secretValue.unsafeUnwrap(),
      snapshotRetentionLimit: 3,
    });
    this.urlSecret = new secretsmanager.Secret(this, "UrlSecret", {
      description: "UPDRAFT_REDIS_URL of the Updraft queues",
      secretStringValue: SecretValue.unsafePlainText(
        Fn.join("", [
          "rediss://:",
          authToken.secretValue.unsafeUnwrap(),
          "@",
          this.replicationGroup.attrPrimaryEndPointAddress,
          ":",
          this.replicationGroup.attrPrimaryEndPointPort,
        ]),
      ),
    });
  }

  /** Lets a service's tasks reach Redis; nothing else can. */
  allowFrom(peer: ec2.IConnectable): void {
    for (const sg of peer.connections.securityGroups) {
      this.securityGroup.addIngressRule(sg, ec2.Port.tcp(PORT), "Updraft tasks to Redis");
    }
  }
}
