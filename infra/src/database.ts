import { Duration, Fn, RemovalPolicy, SecretValue } from "aws-cdk-lib";
import type * as ec2 from "aws-cdk-lib/aws-ec2";
import * as rds from "aws-cdk-lib/aws-rds";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import { Construct } from "constructs";
import type { Network } from "./network";
import { URL_UNSAFE_CHARACTERS } from "./urlSafePassword";

export interface DatabaseProps {
  readonly network: Network;
  readonly instanceType: ec2.InstanceType;
  readonly storageGiB: number;
  readonly multiAz: boolean;
  readonly deletionProtection: boolean;
}

const DATABASE_NAME = "updraft";
const USERNAME = "updraft";

/**
 * The metadata database: RDS Postgres, encrypted, in isolated subnets, reachable only from the
 * security groups given to `allowFrom`. The master password is generated into Secrets Manager;
 * `urlSecret` holds the whole `UPDRAFT_DATABASE_URL`, assembled by CloudFormation from dynamic
 * references so that no password ever appears in the template.
 */
export class Database extends Construct {
  readonly instance: rds.DatabaseInstance;
  readonly urlSecret: secretsmanager.Secret;
  readonly storageGiB: number;

  constructor(scope: Construct, id: string, props: DatabaseProps) {
    super(scope, id);
    this.storageGiB = props.storageGiB;
    this.instance = new rds.DatabaseInstance(this, "Instance", {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_17 }),
      instanceType: props.instanceType,
      vpc: props.network.vpc,
      vpcSubnets: props.network.dataSubnets,
      publiclyAccessible: false,
      multiAz: props.multiAz,
      storageEncrypted: true,
      allocatedStorage: props.storageGiB,
      maxAllocatedStorage: props.storageGiB * 5,
      storageType: rds.StorageType.GP3,
      databaseName: DATABASE_NAME,
      credentials: rds.Credentials.fromGeneratedSecret(USERNAME, {
        excludeCharacters: URL_UNSAFE_CHARACTERS,
      }),
      backupRetention: Duration.days(7),
      deletionProtection: props.deletionProtection,
      removalPolicy: RemovalPolicy.SNAPSHOT,
      cloudwatchLogsExports: ["postgresql"],
    });

    const credentials = this.instance.secret;
    if (!credentials) throw new Error("RDS did not generate a credentials secret");
    const password = credentials.secretValueFromJson("password").unsafeUnwrap();
    // Postgres 15+ on RDS requires TLS. `no-verify` encrypts without checking RDS's private CA,
    // which is not in Node's trust store; verifying needs the RDS CA bundle in the image.
    const url = Fn.join("", [
      `postgresql://${USERNAME}:`,
      password,
      "@",
      this.instance.dbInstanceEndpointAddress,
      ":",
      this.instance.dbInstanceEndpointPort,
      `/${DATABASE_NAME}?sslmode=no-verify`,
    ]);
    this.urlSecret = new secretsmanager.Secret(this, "UrlSecret", {
      description: "UPDRAFT_DATABASE_URL of the Updraft metadata database",
      secretStringValue: SecretValue.unsafePlainText(url),
    });
  }

  /** Lets a service's tasks reach Postgres; nothing else can. */
  allowFrom(peer: ec2.IConnectable): void {
    this.instance.connections.allowDefaultPortFrom(peer, "Updraft tasks to Postgres");
  }
}
