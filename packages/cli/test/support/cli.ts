// Runs the CLI in this process with captured output; long-running verbs get an AbortSignal.
import path from "node:path";
import { runCli } from "../../src";

export const CLI_DAGS = path.join(__dirname, "..", "fixtures", "dags");
export const SHIPPED_DAGS = path.join(__dirname, "..", "..", "..", "..", "dags");

/** The result of one command. */
export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs one command to its end (in `cwd`, by default the test process's). */
export async function cli(
  args: string[],
  env: Record<string, string>,
  cwd: string = process.cwd(),
): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    env,
    cwd,
    io: { out: (t) => out.push(t), err: (t) => err.push(t) },
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** A long-running command in progress. */
export interface RunningCli {
  readonly lines: string[];
  /** Resolves with the first line (stdout or stderr) matching `pattern`, past or future. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Aborts the command's signal and resolves with its exit code. */
  stop(): Promise<number>;
  readonly done: Promise<number>;
}

/** Starts a long-running verb (scheduler, worker, standalone). */
export function startCli(args: string[], env: Record<string, string>): RunningCli {
  const lines: string[] = [];
  const waiters = new Set<{ pattern: RegExp; resolve: (line: string) => void }>();
  const push = (text: string): void => {
    for (const line of text.split("\n")) {
      lines.push(line);
      for (const w of [...waiters])
        if (w.pattern.test(line)) {
          waiters.delete(w);
          w.resolve(line);
        }
    }
  };
  const controller = new AbortController();
  const done = runCli(args, {
    env,
    cwd: process.cwd(),
    io: { out: push, err: push },
    signal: controller.signal,
  });
  return {
    lines,
    done,
    waitFor(pattern, timeoutMs = 20_000) {
      const seen = lines.find((l) => pattern.test(l));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = { pattern, resolve };
        waiters.add(waiter);
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no line matching ${pattern} in:\n${lines.join("\n")}`));
        }, timeoutMs);
        void done.finally(() => {
          clearTimeout(timer);
          if (waiters.delete(waiter))
            reject(new Error(`exited before a line matching ${pattern}:\n${lines.join("\n")}`));
        });
        const original = waiter.resolve;
        waiter.resolve = (line) => {
          clearTimeout(timer);
          original(line);
        };
      });
    },
    stop() {
      controller.abort();
      return done;
    },
  };
}
