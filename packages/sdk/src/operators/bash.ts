// BashOperator: runs a shell command through the worker's command runner. Exit code 99 (or
// `skipOnExitCode`) skips the task; any other non-zero exit fails it; the last stdout line is
// the return value, as in Airflow.
import type { TaskContext } from "../context";
import { AirflowException, AirflowSkipException } from "../errors";
import { BaseOperator, type OperatorOptions } from "../operator";

/** Options of BashOperator. */
export interface BashOperatorOptions extends OperatorOptions {
  /** The command, rendered as a template first (e.g. `echo {{ ds }}`). */
  bashCommand: string;
  /** Environment of the command; replaces the worker's unless `appendEnv`. */
  env?: Record<string, string>;
  /** Add `env` to the worker's environment instead of replacing it. @default false */
  appendEnv?: boolean;
  /** Working directory. @default a temporary directory */
  cwd?: string;
  /** Exit codes that mark the task skipped. @default [99] */
  skipOnExitCode?: number | readonly number[];
}

/** Runs a bash command (Airflow's BashOperator). */
export class BashOperator extends BaseOperator<string> {
  static override readonly templateFields = ["bashCommand", "env", "cwd"] as const;
  static override readonly uiColor = "#f0ede4";

  readonly bashCommand: string;
  readonly env: Record<string, string> | undefined;
  readonly appendEnv: boolean;
  readonly cwd: string | undefined;
  readonly skipOnExitCode: readonly number[];

  constructor(options: BashOperatorOptions) {
    super(options);
    if (typeof options.bashCommand !== "string" || options.bashCommand.trim() === "")
      throw new AirflowException(
        `task "${this.taskId}".bashCommand: expected a non-empty command, got ${JSON.stringify(options.bashCommand)}`,
        "TASK_FAILED",
      );
    this.bashCommand = options.bashCommand;
    this.env = options.env;
    this.appendEnv = options.appendEnv ?? false;
    this.cwd = options.cwd;
    const skip = options.skipOnExitCode ?? 99;
    this.skipOnExitCode = typeof skip === "number" ? [skip] : [...skip];
  }

  override async execute(context: TaskContext): Promise<string> {
    const result = await context.runtime.runCommand({
      command: this.bashCommand,
      ...(this.env ? { env: this.env } : {}),
      ...(this.cwd ? { cwd: this.cwd } : {}),
      signal: context.signal,
    });
    if (this.skipOnExitCode.includes(result.exitCode))
      throw new AirflowSkipException(
        `Bash command returned exit code ${result.exitCode}. Skipping.`,
      );
    if (result.exitCode !== 0)
      throw new AirflowException(
        `Bash command failed. The command returned a non-zero exit code ${result.exitCode}.`,
      );
    return result.lastLine;
  }

  override serializeFields(): Record<string, unknown> {
    return { append_env: this.appendEnv, skip_on_exit_code: [...this.skipOnExitCode] };
  }
}
