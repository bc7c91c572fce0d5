// Options of the in-process LocalExecutor (standalone mode).
import { z } from "zod";
import { compileOptions } from "../compileOptions";

/** Options of `LocalExecutor`. */
export interface LocalExecutorOptions {
  /**
   * How many tries run at once in this process (Airflow's `core.parallelism`).
   * @default 32
   */
  readonly concurrency?: number;
}

/** `LocalExecutorOptions` with every default applied. */
export type CompiledLocalExecutorOptions = Readonly<Required<LocalExecutorOptions>>;

const schema = z.strictObject({
  concurrency: z
    .int({ error: "expected an integer >= 1" })
    .min(1, { error: "expected an integer >= 1" })
    .default(32),
});

/** Applies the defaults, checks every option and freezes the result. */
export function compileLocalExecutorOptions(
  options: LocalExecutorOptions = {},
): CompiledLocalExecutorOptions {
  return compileOptions("LocalExecutor", schema, options);
}
