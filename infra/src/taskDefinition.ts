import { Duration } from "aws-cdk-lib";
import * as ecs from "aws-cdk-lib/aws-ecs";
import type * as logs from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";

export interface UpdraftTaskDefinitionProps {
  readonly image: ecs.ContainerImage;
  /** Arguments to the image's `updraft` entrypoint, e.g. `["scheduler"]`. */
  readonly command: readonly string[];
  readonly cpu: number;
  readonly memoryMiB: number;
  /** Plain settings only; anything secret goes in `secrets`. */
  readonly environment: Readonly<Record<string, string>>;
  readonly secrets: Readonly<Record<string, ecs.Secret>>;
  readonly logGroup: logs.ILogGroup;
  readonly containerPort?: number;
  /** Time between SIGTERM and SIGKILL. @default 30 s (ECS's default) */
  readonly stopTimeout?: Duration;
}

/** The name every Updraft task gives its one container. */
export const UPDRAFT_CONTAINER_NAME = "updraft";

/** A Fargate task running one `updraft` command from the shared image. */
export function updraftTaskDefinition(
  scope: Construct,
  id: string,
  props: UpdraftTaskDefinitionProps,
): ecs.FargateTaskDefinition {
  const taskDefinition = new ecs.FargateTaskDefinition(scope, id, {
    cpu: props.cpu,
    memoryLimitMiB: props.memoryMiB,
    runtimePlatform: {
      cpuArchitecture: ecs.CpuArchitecture.X86_64,
      operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
    },
  });
  taskDefinition.addContainer(UPDRAFT_CONTAINER_NAME, {
    image: props.image,
    command: [...props.command],
    environment: { ...props.environment },
    secrets: { ...props.secrets },
    logging: ecs.LogDrivers.awsLogs({ logGroup: props.logGroup, streamPrefix: id.toLowerCase() }),
    portMappings: props.containerPort === undefined ? [] : [{ containerPort: props.containerPort }],
    stopTimeout: props.stopTimeout ?? Duration.seconds(30),
    essential: true,
  });
  return taskDefinition;
}
