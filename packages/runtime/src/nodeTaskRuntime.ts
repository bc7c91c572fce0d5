// The Node.js implementation of the SDK's TaskRuntime: shell commands via bash, real sleeps,
// the system clock. The worker hands it to operators.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CommandResult, Connection, TaskRuntime } from "@updraft/sdk";

/** Options of the Node task runtime. */
export interface NodeTaskRuntimeOptions {
  /** Receives each line the command writes (stdout and stderr), for the task log. */
  onOutputLine?: (line: string, stream: "stdout" | "stderr") => void;
  /** Environment commands inherit when an operator does not replace it. @default process.env */
  baseEnv?: Readonly<Record<string, string | undefined>>;
  /** Looks connections up (the worker reads the environment, then the store). @default none */
  connection?: (connId: string) => Promise<Connection | null>;
}

/** Runs commands with `bash -c`, streaming their output line by line. */
export function nodeTaskRuntime(options: NodeTaskRuntimeOptions = {}): TaskRuntime {
  return {
    now: () => new Date(),
    connection: async (connId) => {
      const found = await options.connection?.(connId);
      if (found == null) throw new Error(`The conn_id \`${connId}\` isn't defined`);
      return found;
    },
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener(
          "abort",
          () => {
            clearTimeout(timer);
            reject(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
          },
          { once: true },
        );
      }),
    runCommand: ({ command, env, cwd, signal }) =>
      new Promise<CommandResult>((resolve, reject) => {
        const child = spawn("bash", ["-c", command], {
          cwd: cwd ?? mkdtempSync(path.join(tmpdir(), "updraft-task-")),
          env: { ...(env ? {} : (options.baseEnv ?? process.env)), ...(env ?? {}) },
          stdio: ["ignore", "pipe", "pipe"],
          ...(signal ? { signal } : {}),
        });
        let lastLine = "";
        const buffers = { stdout: "", stderr: "" };
        const emit = (line: string, stream: "stdout" | "stderr"): void => {
          if (stream === "stdout") lastLine = line;
          options.onOutputLine?.(line, stream);
        };
        const onData = (stream: "stdout" | "stderr") => (chunk: Buffer) => {
          const parts = (buffers[stream] + chunk.toString("utf8")).split("\n");
          buffers[stream] = parts.pop()!;
          for (const line of parts) emit(line, stream);
        };
        child.stdout.on("data", onData("stdout"));
        child.stderr.on("data", onData("stderr"));
        child.on("error", reject);
        child.on("close", (code, sig) => {
          for (const stream of ["stdout", "stderr"] as const)
            if (buffers[stream] !== "") emit(buffers[stream], stream);
          resolve({ exitCode: code ?? (sig ? 128 : 1), lastLine });
        });
      }),
  };
}
