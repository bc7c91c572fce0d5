// Variables and connections a try may read through templates (`var.value.x`, `conn.db.host`).
// Template accessors are synchronous, so the store's rows are fetched before the try starts —
// only when the task mentions `var.` or `conn.` — and the environment (`AIRFLOW_VAR_*`,
// `AIRFLOW_CONN_*`, which win, as in Airflow) is read on access. Every secret among them is
// registered with the try's masker.
import {
  type BaseOperator,
  Connection,
  type ConnectionAccessor,
  parseConnection,
  type VariableAccessor,
} from "@updraft/sdk";
import { listConnections, listVariables, type SqlClient } from "@updraft/store";
import { isSensitiveName, type SecretMasker } from "./secretMasker";

/** Which store rows a try needs. */
export interface SecretNeeds {
  readonly variables: boolean;
  readonly connections: boolean;
}

/** The accessors handed to the template context. */
export interface TaskSecrets {
  readonly variables: VariableAccessor;
  readonly connections: ConnectionAccessor;
}

const PAGE = 500;

function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  // Realm-independent: a DAG file's objects have their own Object.prototype.
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Strings of plain data, and the source of functions (TaskFlow callables, callbacks). */
function collectText(value: unknown, out: string[], depth = 0): void {
  if (depth > 8) return;
  if (typeof value === "string") out.push(value);
  else if (typeof value === "function") out.push(String(value));
  else if (Array.isArray(value)) for (const v of value) collectText(v, out, depth + 1);
  else if (isPlain(value)) for (const v of Object.values(value)) collectText(v, out, depth + 1);
}

/**
 * Whether the task's template fields (or, for a mapped task, its partial and expand options,
 * or a TaskFlow callable's source) mention `var.` or `conn.`: a cheap test that keeps no-op
 * tasks from reading every variable and connection.
 */
export function secretNeedsOf(task: BaseOperator): SecretNeeds {
  // A worker keeps a DAG's operators between tries (until its file changes): each task's
  // definition is read once, not on every try.
  let needs = needsOfTask.get(task);
  if (needs === undefined) {
    needs = readSecretNeeds(task);
    needsOfTask.set(task, needs);
  }
  return needs;
}

const needsOfTask = new WeakMap<BaseOperator, SecretNeeds>();

function readSecretNeeds(task: BaseOperator): SecretNeeds {
  const text: string[] = [];
  collectText(task.templateFieldValues(), text);
  for (const value of Object.values(task as unknown as Record<string, unknown>))
    if (typeof value === "function" || isPlain(value)) collectText(value, text);
  const all = text.join("\n");
  return { variables: /\bvar\./.test(all), connections: /\bconn\./.test(all) };
}

async function allPages<T>(
  fetch: (offset: number) => Promise<{ items: T[]; total: number }>,
): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const page = await fetch(items.length);
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}

async function storeVariables(client: SqlClient): Promise<Map<string, string>> {
  const rows = await allPages(async (offset) => {
    const page = await listVariables(client, { limit: PAGE, offset });
    return { items: page.variables, total: page.totalEntries };
  });
  return new Map(rows.map((v) => [v.key, v.value]));
}

async function storeConnections(client: SqlClient): Promise<Map<string, Connection>> {
  const rows = await allPages(async (offset) => {
    const page = await listConnections(client, { limit: PAGE, offset });
    return { items: page.connections, total: page.totalEntries };
  });
  return new Map(
    rows.map((c) => [
      c.connId,
      new Connection({
        conn_id: c.connId,
        conn_type: c.connType,
        host: c.host,
        login: c.login,
        password: c.password,
        schema: c.schema,
        port: c.port,
        extra: c.extra,
        description: c.description,
      }),
    ]),
  );
}

/** The environment's secrets: sensitive `AIRFLOW_VAR_*` values and `AIRFLOW_CONN_*` passwords. */
function environmentSecrets(env: Readonly<Record<string, string | undefined>>): string[] {
  const secrets: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (name.startsWith("AIRFLOW_VAR_") && isSensitiveName(name.slice(12))) secrets.push(value);
    if (name.startsWith("AIRFLOW_CONN_")) {
      try {
        const { password } = parseConnection(name.slice(13), value);
        if (password) secrets.push(password);
      } catch {
        // A malformed connection fails when a template reads it, not here.
      }
    }
  }
  return secrets;
}

// Reading every variable of process.env costs more than a no-op task; the environment's
// secrets are read again only when a variable was added, removed or changed.
const envSecretsCache = new WeakMap<
  object,
  { readonly snapshot: string; readonly secrets: string[] }
>();

function maskEnvironment(env: Readonly<Record<string, string | undefined>>, masker: SecretMasker) {
  const names = Object.keys(env).filter((n) => n.startsWith("AIRFLOW_"));
  const snapshot = names.map((n) => `${n}=${env[n] ?? ""}`).join("\0");
  let cached = envSecretsCache.get(env);
  if (cached?.snapshot !== snapshot) {
    cached = { snapshot, secrets: environmentSecrets(env) };
    envSecretsCache.set(env, cached);
  }
  for (const secret of cached.secrets) masker.add(secret);
}

/** Fetches what `needs` asks for and builds the accessors; registers secrets with `masker`. */
export async function loadTaskSecrets(
  client: SqlClient,
  env: Readonly<Record<string, string | undefined>>,
  needs: SecretNeeds,
  masker: SecretMasker,
): Promise<TaskSecrets> {
  maskEnvironment(env, masker);
  const variables = needs.variables ? await storeVariables(client) : new Map<string, string>();
  const connections = needs.connections
    ? await storeConnections(client)
    : new Map<string, Connection>();
  for (const [key, value] of variables) if (isSensitiveName(key)) masker.add(value);
  for (const conn of connections.values()) masker.add(conn.password);
  const envConnections = new Map<string, Connection>();
  return {
    variables: { get: (key) => env[`AIRFLOW_VAR_${key.toUpperCase()}`] ?? variables.get(key) },
    connections: {
      get: (connId) => {
        const text = env[`AIRFLOW_CONN_${connId.toUpperCase()}`];
        if (text === undefined) return connections.get(connId);
        let conn = envConnections.get(connId);
        if (conn === undefined) envConnections.set(connId, (conn = parseConnection(connId, text)));
        return conn;
      },
    },
  };
}
