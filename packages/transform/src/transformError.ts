// Errors of the transform runner: UpdraftError with a stable code; messages name the file (and
// line when the template engine knows it).
import { UpdraftError } from "@updraft/sdk";

/** Stable codes of the transform package. */
export type TransformErrorCode =
  /** dbt_project.yml or a schema file is missing or malformed. */
  | "INVALID_PROJECT"
  /** A model's Jinja does not compile, or uses what the runner does not support. */
  | "COMPILE_ERROR"
  /** ref() or source() names nothing in the project. */
  | "UNKNOWN_REFERENCE"
  /** Models depend on each other in a circle. */
  | "DEPENDENCY_CYCLE"
  /** A --select/--exclude expression does not parse, or names nothing that exists. */
  | "INVALID_SELECTOR"
  /** A statement failed in the warehouse while building a node. */
  | "EXECUTION_ERROR";

/** An error of the transform runner. */
export class TransformError extends UpdraftError<TransformErrorCode> {}
