// The CDK app: `cdk synth` / `cdk deploy` run `node dist/app.js` (cdk.json). Settings come from
// CDK context (`-c key=value` or cdk.json's "context"), the CDK's own configuration channel.
import path from "node:path";
import { App } from "aws-cdk-lib";
import type { UpdraftImage } from "./containerImage";
import { UpdraftStack } from "./updraftStack";

// The CDK CLI sets CDK_OUTDIR; `pnpm synth` (plain node) writes beside the build instead.
const app = new App({ outdir: process.env.CDK_OUTDIR ?? path.join(__dirname, "cdk.out") });

function context(key: string): string | undefined {
  // `-c key=value` gives strings; cdk.json's "context" may give numbers or booleans.
  const value: unknown = app.node.tryGetContext(key);
  if (typeof value === "string") return value === "" ? undefined : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === undefined || value === null) return undefined;
  throw new Error(`${key}: expected a string, number or boolean in the CDK context`);
}

function contextInt(key: string): number | undefined {
  const value = context(key);
  return value === undefined ? undefined : Number(value);
}

function contextBool(key: string): boolean | undefined {
  const value = context(key);
  return value === undefined ? undefined : value === "true";
}

// `-c imageRepository=updraft -c imageTag=1.2.3` deploys a pushed image; otherwise the
// repository's docker/Dockerfile is built and pushed by `cdk deploy`.
const repositoryName = context("imageRepository");
const image: UpdraftImage =
  repositoryName === undefined
    ? {
        assetDirectory: path.resolve(__dirname, "..", ".."),
        file: "docker/Dockerfile",
        exclude: ["**/node_modules", ".git", "infra/dist", ".updraft", "bench-results"],
      }
    : { repositoryName, tag: context("imageTag") ?? "latest" };

const alarmEmail = context("alarmEmail");
if (alarmEmail === undefined) {
  throw new Error(
    "alarmEmail: set it with `cdk synth -c alarmEmail=oncall@example.com` " +
      `(or CDK_CONTEXT_JSON='{"alarmEmail":"oncall@example.com"}' for plain node)`,
  );
}

new UpdraftStack(app, context("stackName") ?? "Updraft", {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  image,
  alarmEmail,
  workerMinCount: contextInt("workerMinCount"),
  workerMaxCount: contextInt("workerMaxCount"),
  workerConcurrency: contextInt("workerConcurrency"),
  schedulerCount: contextInt("schedulerCount"),
  apiCount: contextInt("apiCount"),
  natGateways: contextInt("natGateways"),
  multiAz: contextBool("multiAz"),
  deletionProtection: contextBool("deletionProtection"),
  certificateArn: context("certificateArn"),
  publicUrl: context("publicUrl"),
});

app.synth();
