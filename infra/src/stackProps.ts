import type { StackProps } from "aws-cdk-lib";
import * as ec2 from "aws-cdk-lib/aws-ec2";
import { UpdraftInfraError } from "./errors";
import type { UpdraftImage } from "./containerImage";

/** What an Updraft deployment is made of; everything but `image` and `alarmEmail` has a default. */
export interface UpdraftStackProps extends StackProps {
  /** The one Updraft image (docker/Dockerfile); its entrypoint is the `updraft` CLI. */
  readonly image: UpdraftImage;
  /** Who gets the alarms (an SNS email subscription; AWS sends a confirmation mail first). */
  readonly alarmEmail: string;
  /** Fewest workers, also while the queues are empty. 0 is allowed. @default 1 */
  readonly workerMinCount?: number;
  /** Most workers the queue depth may scale to. @default 10 */
  readonly workerMaxCount?: number;
  /** Tries one worker runs at once (`updraft worker --concurrency`). @default 16 */
  readonly workerConcurrency?: number;
  /** Airflow queues the workers serve (`--queues`). @default ["default"] */
  readonly workerQueues?: readonly string[];
  /** Scheduler replicas; two or more for high availability. @default 2 */
  readonly schedulerCount?: number;
  /** API server replicas behind the load balancer. @default 2 */
  readonly apiCount?: number;
  /**
   * Connection ids given to tasks as `AIRFLOW_CONN_<ID>`, one Secrets Manager secret each,
   * created with a placeholder value to be replaced after the first deploy.
   * @default ["postgres_source", "dealership_warehouse", "smtp_default"]
   */
  readonly connections?: readonly string[];
  /** Redis key prefix of every queue (`UPDRAFT_REDIS_PREFIX`); a dimension of the queue-depth metric. @default "updraft" */
  readonly redisPrefix?: string;
  /** A standby in a second AZ for Postgres, and a replica with automatic failover for Redis. @default true */
  readonly multiAz?: boolean;
  /** Refuse to delete the database (RDS deletion protection). @default true */
  readonly deletionProtection?: boolean;
  /** @default db.t4g.medium */
  readonly databaseInstanceType?: ec2.InstanceType;
  /** Initial Postgres storage; storage autoscaling may grow it to 5× this. @default 20 */
  readonly databaseStorageGiB?: number;
  /** @default cache.t4g.small */
  readonly redisNodeType?: string;
  /** NAT gateways for the private subnets; 2 survives the loss of an AZ. @default 1 */
  readonly natGateways?: number;
  /** Waiting jobs above which the queue-depth alarm fires (after 15 minutes). @default 1000 */
  readonly queueDepthAlarmThreshold?: number;
  /**
   * An ACM certificate for an HTTPS listener (HTTP then redirects to it). Without one the API is
   * served over plain HTTP on the load balancer's DNS name.
   */
  readonly certificateArn?: string;
  /**
   * The address users reach the UI at (`UPDRAFT_BASE_URL`, used in alert links), when a DNS name
   * of yours points at the load balancer. @default the load balancer's own DNS name
   */
  readonly publicUrl?: string;
}

/** The props with every default filled in and every value checked. */
export interface ResolvedStackProps {
  readonly image: UpdraftImage;
  readonly alarmEmail: string;
  readonly workerMinCount: number;
  readonly workerMaxCount: number;
  readonly workerConcurrency: number;
  readonly workerQueues: readonly string[];
  readonly schedulerCount: number;
  readonly apiCount: number;
  readonly connections: readonly string[];
  readonly redisPrefix: string;
  readonly multiAz: boolean;
  readonly deletionProtection: boolean;
  readonly databaseInstanceType: ec2.InstanceType;
  readonly databaseStorageGiB: number;
  readonly redisNodeType: string;
  readonly natGateways: number;
  readonly queueDepthAlarmThreshold: number;
  readonly certificateArn: string | undefined;
  readonly publicUrl: string | undefined;
}

export const DEFAULT_CONNECTIONS = ["postgres_source", "dealership_warehouse", "smtp_default"];

// Same rules as the CLI's env schema and Airflow's connection ids, so a prop that synthesizes
// also starts.
const CONNECTION_ID = /^[A-Za-z0-9_]+$/;
const QUEUE_NAME = /^[A-Za-z0-9_.-]+$/;
const REDIS_PREFIX = /^[^:\s]+$/;
const HTTP_URL = /^https?:\/\/[^\s]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function invalid(prop: keyof UpdraftStackProps, message: string): never {
  throw new UpdraftInfraError("INVALID_STACK_PROPS", prop, message);
}

function integer(
  prop: keyof UpdraftStackProps,
  value: number | undefined,
  fallback: number,
  min: number,
): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min) invalid(prop, `expected an integer >= ${min}, got ${n}`);
  return n;
}

/** Fills defaults and rejects values that could not run, naming the prop in the message. */
export function resolveStackProps(props: UpdraftStackProps): ResolvedStackProps {
  if (!EMAIL.test(props.alarmEmail)) {
    invalid("alarmEmail", `expected an email address, got "${props.alarmEmail}"`);
  }
  const workerMinCount = integer("workerMinCount", props.workerMinCount, 1, 0);
  const workerMaxCount = integer("workerMaxCount", props.workerMaxCount, 10, 1);
  if (workerMinCount > workerMaxCount) {
    invalid(
      "workerMinCount",
      `must not exceed workerMaxCount (${workerMinCount} > ${workerMaxCount})`,
    );
  }
  const workerQueues = props.workerQueues ?? ["default"];
  if (workerQueues.length === 0) invalid("workerQueues", "expected at least one queue");
  for (const queue of workerQueues) {
    if (!QUEUE_NAME.test(queue)) {
      invalid("workerQueues", `"${queue}" is not a queue name (letters, digits, _ . -)`);
    }
  }
  if (new Set(workerQueues).size !== workerQueues.length) {
    invalid("workerQueues", "lists a queue twice");
  }
  const connections = props.connections ?? DEFAULT_CONNECTIONS;
  const envNames = new Set<string>();
  for (const id of connections) {
    if (!CONNECTION_ID.test(id)) {
      invalid("connections", `"${id}" is not a connection id (letters, digits, _)`);
    }
    // AIRFLOW_CONN_<ID> is upper-cased, so ids differing only in case would share a variable.
    const envName = id.toUpperCase();
    if (envNames.has(envName)) invalid("connections", `"${id}" is listed twice`);
    envNames.add(envName);
  }
  const redisPrefix = props.redisPrefix ?? "updraft";
  if (!REDIS_PREFIX.test(redisPrefix)) {
    invalid(
      "redisPrefix",
      `expected a non-empty prefix without ':' or spaces, got "${redisPrefix}"`,
    );
  }
  if (props.publicUrl !== undefined && !HTTP_URL.test(props.publicUrl)) {
    invalid("publicUrl", `expected an http:// or https:// URL, got "${props.publicUrl}"`);
  }
  return {
    image: props.image,
    alarmEmail: props.alarmEmail,
    workerMinCount,
    workerMaxCount,
    workerConcurrency: integer("workerConcurrency", props.workerConcurrency, 16, 1),
    workerQueues,
    schedulerCount: integer("schedulerCount", props.schedulerCount, 2, 1),
    apiCount: integer("apiCount", props.apiCount, 2, 1),
    connections,
    redisPrefix,
    multiAz: props.multiAz ?? true,
    deletionProtection: props.deletionProtection ?? true,
    databaseInstanceType:
      props.databaseInstanceType ??
      ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MEDIUM),
    databaseStorageGiB: integer("databaseStorageGiB", props.databaseStorageGiB, 20, 20),
    redisNodeType: props.redisNodeType ?? "cache.t4g.small",
    natGateways: integer("natGateways", props.natGateways, 1, 1),
    queueDepthAlarmThreshold: integer(
      "queueDepthAlarmThreshold",
      props.queueDepthAlarmThreshold,
      1000,
      1,
    ),
    certificateArn: props.certificateArn,
    publicUrl: props.publicUrl,
  };
}
