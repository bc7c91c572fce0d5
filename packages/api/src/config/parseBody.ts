// A request body checked as FastAPI checks one: parseInput's 422, with a missing field (or a
// missing body) reported as pydantic reports it — "Field required", type `missing`, the input
// being the object it is missing from.
import type { z } from "zod";
import { ApiError, type ValidationProblem } from "../http/apiError";
import { parseInput } from "../http/validation";

function inputAt(input: unknown, loc: readonly (string | number)[]): unknown {
  let value = input;
  for (const key of loc)
    value =
      value !== null && typeof value === "object"
        ? (value as Record<PropertyKey, unknown>)[key]
        : undefined;
  return value;
}

/** Whether a problem with no input is a field left out (a JSON value's union included). */
const isMissing = (problem: ValidationProblem): boolean =>
  problem.input === undefined &&
  (problem.type.endsWith("_type") || problem.type === "invalid_union");

function asMissing(problem: ValidationProblem, body: unknown): ValidationProblem {
  if (!isMissing(problem)) return problem;
  const parent = inputAt(body, problem.loc.slice(1, -1));
  return {
    loc: problem.loc,
    msg: "Field required",
    type: "missing",
    input: problem.loc.length === 1 ? null : (parent ?? null),
  };
}

/** `body` parsed by `schema`, or ApiError VALIDATION_ERROR (422) in pydantic's words. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  try {
    return parseInput(schema, body, "body");
  } catch (error) {
    if (!(error instanceof ApiError) || typeof error.detail === "string") throw error;
    throw new ApiError(
      "VALIDATION_ERROR",
      error.detail.map((p) => asMissing(p, body)),
    );
  }
}
