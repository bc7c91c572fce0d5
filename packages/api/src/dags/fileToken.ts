// The `file_token` of a DAG: its file's path, signed with the API's secret, as Airflow's API
// hands it out (an opaque token; Airflow 2's dagSources took it in place of the DAG id). The
// signature's input is prefixed so it can never pass for a JWT signature.
import { createHmac } from "node:crypto";

/** A URL-safe signed token naming `fileloc`. */
export function fileToken(fileloc: string, secret: string): string {
  const payload = Buffer.from(JSON.stringify(fileloc)).toString("base64url");
  const signature = createHmac("sha256", secret)
    .update(`file_token.${payload}`)
    .digest("base64url");
  return `${payload}.${signature}`;
}
