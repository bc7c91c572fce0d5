// Builds the web UI into a fresh temp folder, so every test file serves the source as it is now
// (a stale apps/web/dist can never pass for it). Vite's JS API is ESM-only, which jest's
// CommonJS runtime cannot load, so a child node process calls it.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { WEB_ROOT } from "./repoPaths";

const BUILD = `
import { build } from "vite";
const [root, outDir] = process.argv.slice(1);
await build({ root, logLevel: "warn", build: { outDir, emptyOutDir: true } });
`;

/** Builds apps/web and resolves with the folder holding index.html and assets/. */
export function buildUi(timeoutMs = 120_000): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), "updraft-e2e-ui-"));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--input-type=module", "-e", BUILD, WEB_ROOT, outDir],
      { cwd: WEB_ROOT, timeout: timeoutMs, killSignal: "SIGKILL" },
      (error, stdout, stderr) => {
        if (error === null && existsSync(path.join(outDir, "index.html"))) resolve(outDir);
        else
          reject(
            new Error(
              `vite build failed: ${error?.message ?? "no index.html"}\n${stdout}${stderr}`,
            ),
          );
      },
    );
  });
}
