// The body of POST /connections and PATCH /connections/{connection_id} (Airflow's
// ConnectionBody, strict): connection_id as Airflow allows it (word characters, `.` and `-`, at
// most 200), a non-empty conn_type, the optional fields, a port from 0 to 65535 (Airflow takes
// any integer), and `extra` a JSON object in a string ("" reads as "{}").
import type { CreateConnectionInput } from "@updraft/store";
import { z } from "zod";
import { intField, stringField, teamNameField } from "./bodyFields";

const CONNECTION_ID = /^[\p{L}\p{N}_.-]+$/u;

const optionalText = stringField().nullable().optional();

/** `extra`: null, or the text of a JSON object. */
const extraField = stringField()
  .nullable()
  .optional()
  .transform((value, ctx) => {
    if (value === "") return "{}";
    if (value === null || value === undefined) return value;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      ctx.addIssue({
        code: "custom",
        message:
          "Value error, The `extra` field must be a valid JSON object (e.g., {'key': 'value'}), but encountered non-JSON in `extra` field",
      });
      return z.NEVER;
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      ctx.addIssue({
        code: "custom",
        message:
          "Value error, The `extra` field must be a valid JSON object (e.g., {'key': 'value'})",
      });
      return z.NEVER;
    }
    return value;
  });

/** ConnectionBody. */
export const connectionBody = z
  .object(
    {
      connection_id: stringField({ minLength: 1, maxLength: 200 }).regex(CONNECTION_ID, {
        error: "String should match pattern '^[\\w.-]+$'",
      }),
      conn_type: stringField({ minLength: 1 }),
      description: optionalText,
      host: optionalText,
      login: optionalText,
      schema: optionalText,
      port: intField(0)
        .max(65_535, { error: "Input should be less than or equal to 65535" })
        .nullable()
        .optional(),
      password: optionalText,
      extra: extraField,
      team_name: teamNameField,
    },
    { error: "Input should be a valid dictionary or object to extract fields from" },
  )
  .strict();

/** A checked ConnectionBody. */
export type ConnectionBody = z.output<typeof connectionBody>;

/** The fields a PATCH may change, as the body names them. */
export const CONNECTION_PATCH_FIELDS = [
  "conn_type",
  "description",
  "host",
  "login",
  "schema",
  "port",
  "password",
  "extra",
] as const;

/** One of CONNECTION_PATCH_FIELDS. */
export type ConnectionPatchField = (typeof CONNECTION_PATCH_FIELDS)[number];

/** The createConnection input of a checked body (fields it leaves out are stored as null). */
export const connectionToCreate = (body: ConnectionBody): CreateConnectionInput => ({
  connId: body.connection_id,
  connType: body.conn_type,
  description: body.description ?? null,
  host: body.host ?? null,
  schema: body.schema ?? null,
  login: body.login ?? null,
  password: body.password ?? null,
  port: body.port ?? null,
  extra: body.extra ?? null,
});
