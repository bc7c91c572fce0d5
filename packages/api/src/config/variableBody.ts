// The body of POST /variables and PATCH /variables/{variable_key} (Airflow's VariableBody,
// strict): a key of at most 250 characters, any JSON value, an optional description. A string
// value is stored as it is; any other JSON value as its JSON text (Airflow stores str(value),
// which for an object is Python's repr, not JSON).
import type { CreateVariableInput } from "@updraft/store";
import { z } from "zod";
import { stringField, teamNameField } from "./bodyFields";

/** Airflow's ID_LEN, the variable key's limit. */
const MAX_KEY_LENGTH = 250;

/** VariableBody. */
export const variableBody = z
  .object(
    {
      key: stringField({ minLength: 1, maxLength: MAX_KEY_LENGTH }),
      value: z.json({ error: "Input should be a valid JSON value" }),
      description: stringField().nullable().optional(),
      team_name: teamNameField,
    },
    { error: "Input should be a valid dictionary or object to extract fields from" },
  )
  .strict();

/** A checked VariableBody. */
export type VariableBody = z.output<typeof variableBody>;

/** The fields a PATCH may change, as the body names them. */
export const VARIABLE_PATCH_FIELDS = ["value", "description"] as const;

/** The text a variable's value is stored as. */
export const variableText = (value: unknown): string =>
  typeof value === "string" ? value : JSON.stringify(value);

/** The createVariable input of a checked body. */
export const variableToCreate = (body: VariableBody): CreateVariableInput => ({
  key: body.key,
  value: variableText(body.value),
  description: body.description ?? null,
});
