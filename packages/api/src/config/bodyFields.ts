// The fields of the config endpoints' request bodies, refused in pydantic's words (Airflow's
// models are pydantic): strings, integers within the database's int4, booleans, and team_name,
// which only multi-team Airflow accepts.
import { z } from "zod";
import { INT4_MAX } from "../http/int4";

/** A string; `maxLength` as the Airflow model caps it. */
export const stringField = (options: { minLength?: number; maxLength?: number } = {}) => {
  let field = z.string({ error: "Input should be a valid string" });
  if (options.minLength !== undefined)
    field = field.min(options.minLength, {
      error: `String should have at least ${options.minLength} character${options.minLength === 1 ? "" : "s"}`,
    });
  if (options.maxLength !== undefined)
    field = field.max(options.maxLength, {
      error: `String should have at most ${options.maxLength} characters`,
    });
  return field;
};

/** An integer of at least `min` that the database's integer column holds. */
export const intField = (min: number) =>
  z
    .number({ error: "Input should be a valid integer" })
    .int({ error: "Input should be a valid integer, got a number with a fractional part" })
    .min(min, { error: `Input should be greater than or equal to ${min}` })
    .max(INT4_MAX, { error: `Input should be less than or equal to ${INT4_MAX}` });

/** A boolean. */
export const booleanField = () => z.boolean({ error: "Input should be a valid boolean" });

/** team_name: Airflow refuses one unless multi-team mode is on, which Updraft has not. */
export const teamNameField = z
  .null({
    error:
      "Value error, team_name cannot be set when multi_team mode is disabled. Please contact your administrator.",
  })
  .optional();
