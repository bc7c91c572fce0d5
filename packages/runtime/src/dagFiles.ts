// Finds the DAG files of a folder: every .ts/.tsx file, recursively, except declarations, tests,
// node_modules and what `.updraftignore` excludes (one regular expression per line, matched
// against the path relative to the folder, like Airflow's .airflowignore "regexp" syntax).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const DAG_FILE = /\.(ts|tsx|mts|cts)$/;
const NOT_DAG_FILE = /(\.d\.ts|\.test\.tsx?|\.spec\.tsx?)$/;
const SKIPPED_DIRS = new Set(["node_modules", "dist", ".git"]);

function ignorePatterns(dir: string): RegExp[] {
  const file = path.join(dir, ".updraftignore");
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .map((line) => line.replace(/#.*/, "").trim())
    .filter((line) => line !== "")
    .map((line) => new RegExp(line));
}

/** DAG files under `folder`, sorted; a folder's `.updraftignore` applies to everything below it. */
export function listDagFiles(folder: string): string[] {
  const root = path.resolve(folder);
  const found: string[] = [];
  const walk = (dir: string, inherited: RegExp[]): void => {
    const patterns = [...inherited, ...ignorePatterns(dir)];
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const relative = path.relative(root, full);
      if (patterns.some((p) => p.test(relative))) continue;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith(".")) walk(full, patterns);
      } else if (DAG_FILE.test(entry.name) && !NOT_DAG_FILE.test(entry.name)) found.push(full);
    }
  };
  walk(root, []);
  return found.sort();
}
