import { SecretValue, Stack } from "aws-cdk-lib";
import * as ecs from "aws-cdk-lib/aws-ecs";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import { Construct } from "constructs";

export interface AppSecretsProps {
  readonly connections: readonly string[];
}

/**
 * Until someone puts the real URI, a connection secret holds this. It parses as a URI, so the
 * processes start, and a task using it fails naming the secret to fill. CloudFormation never
 * writes it again (the template value does not change), so a value put later survives deploys.
 */
export const CONNECTION_PLACEHOLDER = "placeholder://replace-this-secret-value-after-deploy";

/**
 * The secrets Updraft's processes read: the API's JWT key (generated) and one secret per
 * connection (`AIRFLOW_CONN_<ID>`, a URI or JSON as in Airflow). Containers get them through
 * ECS `secrets`, so values never sit in a task definition's plain environment.
 */
export class AppSecrets extends Construct {
  readonly apiSecretKey: secretsmanager.Secret;
  /** Secret per connection id, keyed by the environment variable it is injected as. */
  readonly connections: ReadonlyMap<string, secretsmanager.Secret>;

  constructor(scope: Construct, id: string, props: AppSecretsProps) {
    super(scope, id);
    const stackName = Stack.of(this).stackName;
    this.apiSecretKey = new secretsmanager.Secret(this, "ApiSecretKey", {
      description: "UPDRAFT_API_SECRET_KEY: the JWT signing key every API server shares",
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    const connections = new Map<string, secretsmanager.Secret>();
    for (const connId of props.connections) {
      const envName = `AIRFLOW_CONN_${connId.toUpperCase()}`;
      connections.set(
        envName,
        new secretsmanager.Secret(this, `Connection_${connId}`, {
          secretName: `${stackName}/${envName}`,
          description: `Airflow connection "${connId}" as a URI or JSON (${envName})`,
          secretStringValue: SecretValue.unsafePlainText(CONNECTION_PLACEHOLDER),
        }),
      );
    }
    this.connections = connections;
  }

  /** The `AIRFLOW_CONN_*` variables for a container's `secrets`. */
  connectionSecrets(): Record<string, ecs.Secret> {
    return Object.fromEntries(
      [...this.connections].map(([envName, secret]) => [
        envName,
        ecs.Secret.fromSecretsManager(secret),
      ]),
    );
  }
}
