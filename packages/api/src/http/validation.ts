// Request input checked with zod and refused as Airflow refuses it: 422 with pydantic's list of
// problems, each naming where (`["body", "conf"]`, `["query", "limit"]`) and what was expected.
import type { z } from "zod";
import { ApiError, type ValidationProblem } from "./apiError";

/** Where a value came from, as pydantic's `loc` starts. */
export type InputSource = "body" | "query" | "path";

function problemsOf(error: z.ZodError, source: InputSource, input: unknown): ValidationProblem[] {
  return error.issues.map((issue) => {
    const type =
      issue.code === "unrecognized_keys"
        ? "extra_forbidden"
        : issue.code === "invalid_type"
          ? `${issue.expected}_type`
          : issue.code;
    const at =
      issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0] ?? ""] : issue.path;
    let value: unknown = input;
    for (const key of at)
      value =
        value !== null && typeof value === "object"
          ? (value as Record<PropertyKey, unknown>)[key]
          : undefined;
    return {
      loc: [source, ...at.map((p) => (typeof p === "number" ? p : String(p)))],
      msg: issue.code === "unrecognized_keys" ? "Extra inputs are not permitted" : issue.message,
      type,
      ...(value === undefined ? {} : { input: value }),
    };
  });
}

/** `input` parsed by `schema`, or ApiError VALIDATION_ERROR (422). */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  source: InputSource,
): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success)
    throw new ApiError("VALIDATION_ERROR", problemsOf(result.error, source, input));
  return result.data;
}
