// Child processes a failure test starts and kills: a worker process, a private redis-server.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

/** A port the OS says is free on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Spawns a process in its own group (so its children die with it) and waits for `ready`. */
async function spawnReady(
  command: string,
  args: readonly string[],
  ready: (output: string) => boolean,
  timeoutMs = 20_000,
): Promise<ChildProcess> {
  const child = spawn(command, [...args], { detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} not ready: ${output}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (ready(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${String(code)}: ${output}`));
    });
  });
  child.removeAllListeners("exit");
  return child;
}

/** Kills a spawned process group with `signal` and waits for the leader to exit. */
export async function killGroup(
  child: ChildProcess,
  signal: NodeJS.Signals = "SIGKILL",
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid!, signal);
  } catch {
    return;
  }
  await exited;
}

/** A store-backed BullMQ worker process. */
export function spawnWorkerProcess(
  pgUrl: string,
  redisUrl: string,
  prefix: string,
): Promise<ChildProcess> {
  return spawnReady(
    process.execPath,
    [
      "--conditions=@updraft/source",
      "-r",
      require.resolve("sucrase/register"),
      path.join(__dirname, "workerProcess.ts"),
      pgUrl,
      redisUrl,
      prefix,
    ],
    (out) => out.includes("ready"),
  );
}

/** A private redis-server on a free loopback port, keeping nothing on disk. */
export async function spawnRedis(): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = await spawnReady(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    (out) => out.includes("Ready to accept connections"),
  );
  return { url: `redis://127.0.0.1:${port}`, process: child };
}
