import { App } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import * as ecs from "aws-cdk-lib/aws-ecs";
import { UpdraftStack, type UpdraftStackProps } from "../src";

export const TEST_IMAGE = "public.ecr.aws/updraft/updraft:test";

export interface SynthesizedStack {
  readonly stack: UpdraftStack;
  readonly template: Template;
  readonly millis: number;
}

/** Synthesizes one stack from a registry image, so no Docker build or AWS account is needed. */
export function synthStack(props: Partial<UpdraftStackProps> = {}): SynthesizedStack {
  const started = performance.now();
  const app = new App();
  const stack = new UpdraftStack(app, "UpdraftTest", {
    image: ecs.ContainerImage.fromRegistry(TEST_IMAGE),
    alarmEmail: "oncall@example.com",
    ...props,
  });
  const template = Template.fromStack(stack);
  return { stack, template, millis: performance.now() - started };
}

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;

/** Every resource of a type, by logical id. */
export function resourcesOf(template: Template, type: string): Resources {
  return template.findResources(type) as Resources;
}

/** The container definition of the task definition whose container command starts with `verb`. */
export function containerFor(template: Template, ...command: string[]): Record<string, unknown> {
  for (const taskDefinition of Object.values(resourcesOf(template, "AWS::ECS::TaskDefinition"))) {
    const containers = taskDefinition.Properties?.ContainerDefinitions as
      Record<string, unknown>[] | undefined;
    const match = containers?.find((c) => {
      const actual = c.Command as string[] | undefined;
      return command.every((part, i) => actual?.[i] === part);
    });
    if (match) return match;
  }
  throw new Error(`no container runs ${command.join(" ")}`);
}

/** The logical id of the only resource of a type whose properties match. */
export function logicalIdOf(template: Template, type: string, props: object): string {
  const ids = Object.keys(template.findResources(type, { Properties: props }));
  if (ids.length !== 1) throw new Error(`expected one ${type} matching, found ${ids.length}`);
  return ids[0] as string;
}
