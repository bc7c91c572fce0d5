// Writes a dbt-style project into a temporary folder from a map of files, so each test states
// the project it runs.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** The folder holding `files` (paths relative to the project root); dbt_project.yml defaults to project `shop`. */
export function writeProject(files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(path.join(tmpdir(), "updraft-transform-"));
  const all = { "dbt_project.yml": "name: shop\nversion: '1.0.0'\n", ...files };
  for (const [file, content] of Object.entries(all)) {
    const full = path.join(root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}
