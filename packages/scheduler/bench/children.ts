// The benchmarks' child processes and their teardown: a TS entry of this folder started in a
// process group of its own with an IPC channel (as `updraft worker` runs apart from the
// scheduler), and a stack of undo steps run on the normal path, on failure and on SIGINT/SIGTERM.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

/** A started child process of the benchmark. */
export interface Child {
  readonly process: ChildProcess;
  /** Resolves with the first stdout line starting with `prefix`. */
  line(prefix: string, timeoutMs?: number): Promise<string>;
}

/** Options of startChild. */
export interface ChildOptions {
  /** How long `line` waits by default. @default 120000 */
  readonly lineTimeoutMs?: number;
  /** A folder the child writes a V8 CPU profile to (NODE_OPTIONS refuses --cpu-prof). @default none */
  readonly cpuProfDir?: string;
}

const children = new Set<ChildProcess>();

/** Starts a TS entry of this folder in its own process group and waits for its "ready" line. */
export async function startChild(
  entry: string,
  args: readonly string[],
  options: ChildOptions = {},
): Promise<Child> {
  const lineTimeoutMs = options.lineTimeoutMs ?? 120_000;
  const child = spawn(
    process.execPath,
    [
      ...(options.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfDir}`] : []),
      "--conditions=@updraft/source",
      "-r",
      require.resolve("sucrase/register"),
      path.join(__dirname, entry),
      ...args,
    ],
    { detached: true, stdio: ["ignore", "pipe", "pipe", "ipc"] },
  );
  children.add(child);
  child.once("exit", () => children.delete(child));
  const lines: string[] = [];
  const waiters: { prefix: string; resolve: (line: string) => void }[] = [];
  let buffered = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    let nl: number;
    while ((nl = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      lines.push(line);
      for (const w of waiters.filter((w) => line.startsWith(w.prefix))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    process.stderr.write(`[${entry}] ${chunk.toString()}`);
  });
  const handle: Child = {
    process: child,
    line: (prefix, timeoutMs = lineTimeoutMs) =>
      new Promise((resolve, reject) => {
        const seen = lines.find((l) => l.startsWith(prefix));
        if (seen !== undefined) return resolve(seen);
        const timer = setTimeout(
          () => reject(new Error(`${entry}: no "${prefix}" within ${timeoutMs} ms: ${stderr}`)),
          timeoutMs,
        );
        const onExit = (code: number | null) => {
          clearTimeout(timer);
          reject(new Error(`${entry} exited with ${String(code)}: ${stderr}`));
        };
        child.once("exit", onExit);
        waiters.push({
          prefix,
          resolve: (line) => {
            clearTimeout(timer);
            child.off("exit", onExit);
            resolve(line);
          },
        });
      }),
  };
  await handle.line("ready", 30_000);
  return handle;
}

/** SIGTERM, then SIGKILL after `graceMs`, to the child's whole process group. */
export async function stopChild(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), signal);
    } catch {
      // already gone
    }
  };
  kill("SIGTERM");
  const timer = setTimeout(() => kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

/** SIGKILL to every child still running, for the paths that cannot wait. */
export function killChildrenNow(): void {
  for (const child of children) {
    try {
      process.kill(-(child.pid as number), "SIGKILL");
    } catch {
      // already gone
    }
  }
}

/** What to undo, newest first; `cleanup` runs it. */
export const cleanups: (() => Promise<unknown>)[] = [];
let cleaning: Promise<void> | undefined;

/** Runs (and empties) the undo stack, newest first; an undo step that fails is logged. */
export function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length > 0) {
      const undo = cleanups.pop() as () => Promise<unknown>;
      await undo().catch((e: unknown) => console.error(`cleanup: ${String(e)}`));
    }
  })().finally(() => (cleaning = undefined));
  return cleaning;
}

/**
 * Runs a benchmark's `main` as the process: exit 0 when it resolves; on a rejection or on
 * SIGINT/SIGTERM, the undo stack runs and any child left is killed before a non-zero exit.
 */
export function runBench(main: () => Promise<void>): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => {
      void cleanup().finally(() => {
        killChildrenNow();
        process.exit(130);
      });
    });
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      void cleanup().finally(() => {
        killChildrenNow();
        console.error(error);
        process.exit(1);
      });
    },
  );
}
