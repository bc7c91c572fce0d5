// A DAGs folder of copies of shipped DAG files, for a server under test. The dealership load is
// copied with two settings changed, because the shipped ones outlast a test: it is manual-only
// (hourly with catchup=False would add a scheduled run of its own as soon as it is unpaused),
// and a failure is final (3 retries a minute or more apart would keep a failed task
// up_for_retry for the whole test). Each change must match the file, so an edit of the DAG
// that moves them fails here, by name, rather than letting the test drift from the DAG.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SHIPPED_DAGS } from "./repoPaths";

export const LOAD_DAG_ID = "postgres_to_snowflake_incremental";
export const EXAMPLE_DAG_ID = "example_sales_report";

const LOAD_FILE = `${LOAD_DAG_ID}.ts`;
const LOAD_CHANGES: ReadonlyArray<readonly [string, string]> = [
  ['schedule: process.env.UPDRAFT_DEALERSHIP_LOAD_SCHEDULE ?? "@hourly",', "schedule: null,"],
  ["retries: 3,", "retries: 0,"],
];

function copyLoadDag(folder: string): void {
  let source = readFileSync(path.join(SHIPPED_DAGS, LOAD_FILE), "utf8");
  for (const [from, to] of LOAD_CHANGES) {
    if (!source.includes(from))
      throw new Error(
        `dags/${LOAD_FILE} no longer holds ${JSON.stringify(from)}; update scenarioDags.ts`,
      );
    source = source.replace(from, to);
  }
  writeFileSync(path.join(folder, LOAD_FILE), source);
  // What it imports; a library module, not a DAG file.
  mkdirSync(path.join(folder, "dealership"));
  cpSync(
    path.join(SHIPPED_DAGS, "dealership", "assets.ts"),
    path.join(folder, "dealership", "assets.ts"),
  );
  writeFileSync(path.join(folder, ".updraftignore"), "^dealership/\n");
}

/** A temp DAGs folder holding the given shipped DAGs (the load one adjusted as above). */
export function scenarioDags(dagIds: readonly string[]): string {
  const folder = mkdtempSync(path.join(tmpdir(), "updraft-e2e-dags-"));
  for (const dagId of dagIds) {
    if (dagId === LOAD_DAG_ID) copyLoadDag(folder);
    else cpSync(path.join(SHIPPED_DAGS, `${dagId}.ts`), path.join(folder, `${dagId}.ts`));
  }
  return folder;
}
