#!/usr/bin/env node
// Entry point of the `updraft` binary: the process surroundings (argv, env, stdout/stderr, and
// SIGINT/SIGTERM as the stop signal of the long-running verbs) handed to runCli.
import { runCli } from "./cli";

const stop = new AbortController();
let signals = 0;
const onSignal = (name: NodeJS.Signals): void => {
  signals += 1;
  if (signals > 1) {
    console.error(`${name} again: exiting without waiting`);
    process.exit(130);
  }
  stop.abort(new Error(name));
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

runCli(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  io: { out: (text) => console.log(text), err: (text) => console.error(text) },
  signal: stop.signal,
}).then(
  (code) => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
