// The connection form's text fields and what they become: the checks the API makes, in words
// (before anything is sent), and the body of a create or an update. The password is
// write-only: the form never holds the stored one, and an update whose password box is left
// empty sends neither the field nor its name in the update_mask, so the stored one is kept.
import type { Connection, ConnectionBody } from "../../api/types";

export interface ConnectionForm {
  readonly connection_id: string;
  readonly conn_type: string;
  readonly description: string;
  readonly host: string;
  readonly schema: string;
  readonly login: string;
  /** Empty: none (create) or keep the stored one (edit). */
  readonly password: string;
  /** On edit: remove the stored password. */
  readonly clearPassword: boolean;
  readonly port: string;
  readonly extra: string;
}

export type ConnectionProblems = Partial<Record<keyof ConnectionForm, string>>;

/** The connection types Updraft's providers and notifiers read, offered while typing. */
export const KNOWN_CONNECTION_TYPES = [
  "duckdb",
  "email",
  "generic",
  "http",
  "postgres",
  "slackwebhook",
  "smtp",
  "snowflake",
] as const;

export const EMPTY_CONNECTION_FORM: ConnectionForm = {
  connection_id: "",
  conn_type: "",
  description: "",
  host: "",
  schema: "",
  login: "",
  password: "",
  clearPassword: false,
  port: "",
  extra: "",
};

/** `extra` laid out for reading when it is JSON, as it came otherwise. */
function readableExtra(extra: string | null): string {
  if (extra === null || extra === "") return "";
  try {
    return JSON.stringify(JSON.parse(extra), null, 2);
  } catch {
    return extra;
  }
}

/** The form of a stored connection: its fields, never its password. */
export function connectionFormOf(connection: Connection): ConnectionForm {
  return {
    connection_id: connection.connection_id,
    conn_type: connection.conn_type,
    description: connection.description ?? "",
    host: connection.host ?? "",
    schema: connection.schema ?? "",
    login: connection.login ?? "",
    password: "",
    clearPassword: false,
    port: connection.port === null ? "" : String(connection.port),
    extra: readableExtra(connection.extra),
  };
}

const CONNECTION_ID = /^[\p{L}\p{N}_.-]{1,200}$/u;

/** What is wrong with each field, in words; empty when the form can be sent. */
export function connectionProblems(form: ConnectionForm): ConnectionProblems {
  const problems: { -readonly [K in keyof ConnectionForm]?: string } = {};
  if (form.connection_id.trim() === "") problems.connection_id = "Give the connection an id.";
  else if (!CONNECTION_ID.test(form.connection_id.trim()))
    problems.connection_id =
      "Use up to 200 letters, digits, underscores, dots or dashes (no spaces).";
  if (form.conn_type.trim() === "") problems.conn_type = "Choose or type a connection type.";
  const port = form.port.trim();
  if (port !== "" && !(/^\d+$/.test(port) && Number(port) <= 65_535))
    problems.port = "The port is a whole number from 0 to 65535.";
  const extra = form.extra.trim();
  if (extra !== "") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(extra);
    } catch {
      parsed = undefined;
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
      problems.extra = 'Extra must be a JSON object, like {"sslmode": "require"}.';
  }
  return problems;
}

const orNull = (text: string): string | null => (text.trim() === "" ? null : text.trim());

function fieldsOf(form: ConnectionForm) {
  const extra = form.extra.trim();
  return {
    connection_id: form.connection_id.trim(),
    conn_type: form.conn_type.trim(),
    description: orNull(form.description),
    host: orNull(form.host),
    schema: orNull(form.schema),
    login: orNull(form.login),
    port: form.port.trim() === "" ? null : Number(form.port.trim()),
    extra: extra === "" ? null : extra,
  };
}

/** POST /connections' body: the password only when one was typed. */
export function connectionCreateBody(form: ConnectionForm): ConnectionBody {
  const fields = fieldsOf(form);
  return form.password === "" ? fields : { ...fields, password: form.password };
}

/** PATCH /connections/{id}'s body and update_mask. */
export function connectionUpdate(form: ConnectionForm): {
  body: ConnectionBody;
  mask: (keyof ConnectionBody)[];
} {
  const fields = fieldsOf(form);
  const mask: (keyof ConnectionBody)[] = [
    "conn_type",
    "description",
    "host",
    "schema",
    "login",
    "port",
    "extra",
  ];
  if (form.password !== "")
    return { body: { ...fields, password: form.password }, mask: [...mask, "password"] };
  if (form.clearPassword)
    return { body: { ...fields, password: null }, mask: [...mask, "password"] };
  return { body: fields, mask };
}
