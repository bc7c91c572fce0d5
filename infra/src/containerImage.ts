import * as ecr from "aws-cdk-lib/aws-ecr";
import * as ecs from "aws-cdk-lib/aws-ecs";
import type { Construct } from "constructs";

/** Build docker/Dockerfile at deploy time and push it to the CDK asset repository. */
export interface UpdraftImageAsset {
  /** The build context: the repository root. */
  readonly assetDirectory: string;
  /** Dockerfile path relative to the context. @default "docker/Dockerfile" */
  readonly file?: string;
  /** Extra paths kept out of the context (a `.dockerignore` there is honoured too). */
  readonly exclude?: readonly string[];
}

/** An image already pushed to an ECR repository of this account. */
export interface UpdraftEcrImage {
  readonly repositoryName: string;
  readonly tag: string;
}

/** Where the Updraft image comes from: a ready `ContainerImage`, a local build, or ECR. */
export type UpdraftImage = ecs.ContainerImage | UpdraftImageAsset | UpdraftEcrImage;

export function resolveContainerImage(scope: Construct, image: UpdraftImage): ecs.ContainerImage {
  if (image instanceof ecs.ContainerImage) return image;
  if ("assetDirectory" in image) {
    return ecs.ContainerImage.fromAsset(image.assetDirectory, {
      file: image.file ?? "docker/Dockerfile",
      exclude: [...(image.exclude ?? [])],
    });
  }
  const repository = ecr.Repository.fromRepositoryName(
    scope,
    "ImageRepository",
    image.repositoryName,
  );
  return ecs.ContainerImage.fromEcrRepository(repository, image.tag);
}
