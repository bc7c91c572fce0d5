// The image's HEALTHCHECK: one image serves every role, so the check asks what this container
// runs. api-server and standalone: GET /api/v2/monitor/health on the API port (no token needed).
// scheduler and worker have no API: GET /metrics when UPDRAFT_METRICS_ENABLED=true, otherwise
// only that the updraft process is alive (Docker's restart policy already covers its exit).
// Usage: node docker/healthcheck.cjs [role]; without a role it is read from the process table.
"use strict";
const { readdirSync, readFileSync } = require("node:fs");

const TIMEOUT_MS = 4000;

/** The updraft verb some process in this container runs (PID 1, or under an init such as tini). */
function runningVerb() {
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let args;
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    } catch {
      continue; // the process ended while we looked
    }
    const main = args.findIndex((arg) => arg.endsWith("packages/cli/dist/main.js"));
    if (main !== -1 && args[main + 1] !== undefined && args[main + 1] !== "") return args[main + 1];
  }
  return null;
}

async function isOk(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    return response.ok;
  } catch {
    return false;
  }
}

async function main() {
  const role = process.argv[2] ?? runningVerb();
  const port = (name, fallback) => process.env[name] || fallback;
  switch (role) {
    case "api-server":
    case "standalone":
      return isOk(`http://127.0.0.1:${port("UPDRAFT_API_PORT", "8080")}/api/v2/monitor/health`);
    case "scheduler":
    case "worker":
      if (process.env.UPDRAFT_METRICS_ENABLED?.toLowerCase() === "true")
        return isOk(`http://127.0.0.1:${port("UPDRAFT_METRICS_PORT", "9464")}/metrics`);
      return runningVerb() === role;
    default:
      // One-shot commands (db migrate, users create) and the demo generator: alive is healthy.
      return role !== null;
  }
}

main().then(
  (healthy) => process.exit(healthy ? 0 : 1),
  () => process.exit(1),
);
