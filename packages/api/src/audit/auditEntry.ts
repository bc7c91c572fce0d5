// What the audit log records of one request, as Airflow's action_logging builds it: `extra` holds
// the query and path parameters (but the ids, which have their own columns) and the JSON body,
// each value masked by its key's name; a variable's value is always masked, and of a
// connection's `extra` only its keys are kept (single and bulk bodies alike); is_paused and the
// method are added. dag_id, task_id and run_id come from the body, else the path, else the query.
import { REDACTED, redactSecrets } from "../config/redactSecrets";
import { type AuditEvent, DRY_RUN_EVENTS } from "./auditEvents";

/** The parts of a request the entry is built from. */
export interface AuditedRequest {
  readonly method: string;
  /** Query parameters in order, a repeated one as many times as given. */
  readonly query: readonly (readonly [string, string])[];
  readonly path: Readonly<Record<string, string>>;
  /** The JSON body; undefined when the request has none. */
  readonly body: unknown;
}

/** The columns of one audit log entry (owner aside). */
export interface AuditEntry {
  readonly event: AuditEvent;
  readonly dagId: string | null;
  readonly taskId: string | null;
  readonly runId: string | null;
  readonly extra: Readonly<Record<string, unknown>>;
}

type Fields = Record<string, unknown>;

/** Parameters left out of `extra` (the ids have columns; is_paused is added back last). */
const NOT_IN_EXTRA = new Set([
  "csrf_token",
  "_csrf_token",
  "is_paused",
  "dag_id",
  "task_id",
  "dag_run_id",
  "run_id",
  "logical_date",
]);

const isObject = (value: unknown): value is Fields =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const redactEach = (fields: Fields): Fields =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, redactSecrets(v, k)]));

/** Python's truth of a JSON value (dry_run is read as Airflow reads it). */
const isTruthy = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.length > 0
    : isObject(value)
      ? Object.keys(value).length > 0
      : value !== null && value !== false && value !== 0 && value !== "";

/** A variable's fields: its value masked whatever the key (the log records that it changed). */
const maskVariable = (fields: Fields): Fields =>
  Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, k === "val" || k === "value" ? REDACTED : v]),
  );

function connectionExtraKeys(value: unknown): unknown {
  if (typeof value !== "string") return "Encountered non-JSON in `extra` field";
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return "Encountered non-JSON in `extra` field";
  }
  if (!isObject(parsed)) return "Expected JSON object in `extra` field, got non-dict JSON";
  return Object.fromEntries(Object.keys(parsed).map((key) => [key, REDACTED]));
}

/** A connection's fields: secrets masked by name, and of `extra` only which keys it has. */
const maskConnection = (fields: Fields): Fields =>
  Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [
      k,
      k === "extra" && isTruthy(v) ? connectionExtraKeys(v) : redactSecrets(v, k),
    ]),
  );

/** `fields` masked by `mask`, entity by entity when it is a bulk body (`actions[].entities[]`). */
function maskEntities(fields: Fields, mask: (entity: Fields) => Fields): Fields {
  const actions = fields.actions;
  if (!Array.isArray(actions)) return mask(fields);
  return {
    ...fields,
    actions: actions.map((action: unknown) =>
      isObject(action) && Array.isArray(action.entities)
        ? {
            ...action,
            entities: action.entities.map((e: unknown) => (isObject(e) ? mask(e) : e)),
          }
        : action,
    ),
  };
}

const idOf = (value: unknown): string | null => (typeof value === "string" ? value : null);

/** The entry `request` makes for `event`; null when it is a dry run Airflow does not record. */
export function auditEntry(event: AuditEvent, request: AuditedRequest): AuditEntry | null {
  const body = isObject(request.body) ? request.body : undefined;
  if (body !== undefined && DRY_RUN_EVENTS.has(event) && isTruthy(body.dry_run ?? true))
    return null;
  const parameters: Fields = Object.fromEntries([
    ...request.query,
    ...Object.entries(request.path),
  ]);
  const listed = redactEach(
    Object.fromEntries(Object.entries(parameters).filter(([k]) => !NOT_IN_EXTRA.has(k))),
  );
  const maskedBody = body === undefined ? undefined : redactEach(body);
  let extra: Fields;
  if (event.includes("variable")) extra = maskEntities(body ?? listed, maskVariable);
  else if (event.includes("connection")) extra = maskEntities(body ?? listed, maskConnection);
  else extra = { ...listed, ...maskedBody };
  const all: Fields = { ...parameters, ...maskedBody };
  if (Object.hasOwn(all, "is_paused")) extra = { ...extra, is_paused: all.is_paused };
  return {
    event,
    dagId: idOf(all.dag_id),
    taskId: idOf(all.task_id),
    runId: idOf(all.run_id) ?? idOf(all.dag_run_id),
    extra: { ...extra, method: request.method },
  };
}
