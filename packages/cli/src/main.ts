#!/usr/bin/env node
// Entry point of the `updraft` binary.
import { runCli } from "./cli";

runCli(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  io: { out: (text) => console.log(text), err: (text) => console.error(text) },
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
