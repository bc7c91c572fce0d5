// `updraft standalone` as a child process: the real API server, scheduler and LocalExecutor
// serving the built UI. Resolves once it prints its address and the admin's generated password;
// stop() sends SIGTERM (the CLI's own graceful stop), then SIGKILL to the whole process group
// if it is still there after a grace period, and a process exit handler does the same if the
// test run ends first, so no server outlives its test file.
import { type ChildProcess, spawn } from "node:child_process";
import { childEnv } from "./childEnv";
import { cliArgs } from "./runUpdraft";
import { REPO_ROOT } from "./repoPaths";

/** A running standalone server. */
export interface StandaloneServer {
  /** `http://127.0.0.1:<port>`: the UI at the root, the API under /api/v2. */
  readonly url: string;
  /** The password `standalone` generated for user `admin` on its first start. */
  readonly adminPassword: string;
  /** Everything it printed so far (stdout and stderr), for failure messages. */
  output(): string;
  /** Stops it and resolves once the process is gone. Safe to call more than once. */
  stop(): Promise<void>;
}

/** Any API signing secret will do: it only has to be the same for the server's lifetime. */
const SECRET = "updraft-e2e-secret-of-at-least-32-characters";
const STOP_GRACE_MS = 10_000;

const API_LINE = /API on (http:\/\/\S+)\/api\/v2 — login with username: admin {2}password: (\S+)/;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Starts `updraft standalone` with `settings` (UPDRAFT_* and AIRFLOW_CONN_* variables). */
export function startStandalone(
  settings: Readonly<Record<string, string>>,
  timeoutMs = 90_000,
): Promise<StandaloneServer> {
  const child = spawn(process.execPath, cliArgs(["standalone"]), {
    cwd: REPO_ROOT,
    env: childEnv({
      UPDRAFT_API_HOST: "127.0.0.1",
      UPDRAFT_API_PORT: "0",
      UPDRAFT_API_SECRET_KEY: SECRET,
      ...settings,
    }),
    // Its own process group, so stop() reaches whatever its tasks started too.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const chunks: string[] = [];
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const killOnExit = (): void => killGroup(child, "SIGKILL");
  process.once("exit", killOnExit);

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      killGroup(child, "SIGTERM");
      const timer = setTimeout(() => killGroup(child, "SIGKILL"), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
      killGroup(child, "SIGKILL"); // anything its tasks left in the group
      process.off("exit", killOnExit);
    })();
    return stopping;
  };
  const output = (): string => chunks.join("");

  return new Promise((resolve, reject) => {
    const fail = (why: string): void => {
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`updraft standalone ${why}:\n${output()}`)));
    };
    const timer = setTimeout(() => fail(`printed no API address in ${timeoutMs} ms`), timeoutMs);
    const onData = (data: Buffer): void => {
      chunks.push(data.toString("utf8"));
      const match = API_LINE.exec(output());
      if (match === null || !output().includes("scheduler running")) return;
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.stdout?.on("data", (more: Buffer) => chunks.push(more.toString("utf8")));
      resolve({ url: match[1]!, adminPassword: match[2]!, output, stop });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (data: Buffer) => chunks.push(data.toString("utf8")));
    child.once("exit", (code, signal) => {
      if (stopping === null) fail(`exited (${signal ?? `code ${code}`}) before it was ready`);
    });
  });
}
