// A users API body parsed as parseBody parses any (422 in pydantic's words, naming the field),
// except that the problems never echo a password: pydantic puts the offending input, and the
// object a missing field is missing from, in each problem; here a password in them reads `***`.
import type { z } from "zod";
import { parseBody } from "../config/parseBody";
import { ApiError, type ValidationProblem } from "../http/apiError";

const HIDDEN = "***";

function withoutPassword(problem: ValidationProblem): ValidationProblem {
  const { input } = problem;
  if (problem.loc.at(-1) === "password" && input !== undefined)
    return { ...problem, input: HIDDEN };
  if (input !== null && typeof input === "object" && !Array.isArray(input) && "password" in input)
    return { ...problem, input: { ...input, password: HIDDEN } };
  if (Array.isArray(input))
    return {
      ...problem,
      input: input.map((item: unknown) =>
        item !== null && typeof item === "object" && "password" in item
          ? { ...item, password: HIDDEN }
          : item,
      ),
    };
  return problem;
}

/** `body` parsed by `schema`; ApiError VALIDATION_ERROR (422) whose problems hide passwords. */
export function parseUserBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  try {
    return parseBody(schema, body);
  } catch (error) {
    if (!(error instanceof ApiError) || typeof error.detail === "string") throw error;
    throw new ApiError("VALIDATION_ERROR", error.detail.map(withoutPassword));
  }
}
