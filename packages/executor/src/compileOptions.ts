// Options are compiled once: defaults applied, values checked, the result frozen. One helper so
// every adapter reports a bad option the same way (`concurrency: expected …, got 0`).
import type { z } from "zod";
import { formatIssues } from "@updraft/sdk";
import { ExecutorError } from "./executorError";

/** Parses `input` with `schema` (which applies the defaults) and freezes the result. */
export function compileOptions<S extends z.ZodType>(
  what: string,
  schema: S,
  input: unknown,
): Readonly<z.output<S>> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) {
    const problems = formatIssues(input, result.error.issues);
    throw new ExecutorError("INVALID_OPTIONS", `${what} options: ${problems.join("; ")}`, {
      details: { problems },
    });
  }
  return Object.freeze(result.data);
}
