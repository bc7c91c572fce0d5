// Runs one short `updraft` command as the README's users do, but from the TypeScript source
// (`node --conditions=@updraft/source -r sucrase/register packages/cli/src/main.ts …`, as
// bench/run.mjs does), and fails with its output when it does not exit 0.
import { execFile } from "node:child_process";
import { childEnv } from "./childEnv";
import { CLI_MAIN, REPO_ROOT } from "./repoPaths";

/** The node arguments that run the CLI from source; `args` follow. */
export function cliArgs(args: readonly string[]): string[] {
  return ["--conditions=@updraft/source", "-r", "sucrase/register", CLI_MAIN, ...args];
}

/** Runs `updraft <args>` to its end (at most `timeoutMs`) and resolves with its stdout. */
export function runUpdraft(
  args: readonly string[],
  settings: Readonly<Record<string, string>>,
  timeoutMs = 60_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      cliArgs(args),
      { cwd: REPO_ROOT, env: childEnv(settings), timeout: timeoutMs, killSignal: "SIGKILL" },
      (error, stdout, stderr) => {
        if (error === null) resolve(stdout);
        else
          reject(
            new Error(`updraft ${args.join(" ")} failed: ${error.message}\n${stdout}\n${stderr}`),
          );
      },
    );
  });
}
