// dbt's run_results.json (schema v6) for one invocation, and writing both artifacts to target/.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CompiledProject } from "../compile/compileProject";
import type { RunResults } from "../run/runProject";
import { buildManifest, type Invocation, metadataOf } from "./manifest";

/** run_results.json's content. */
export function buildRunResults(run: RunResults, invocation: Invocation): Record<string, unknown> {
  return {
    metadata: metadataOf("run-results/v6", invocation),
    results: run.results.map((r) => ({
      unique_id: r.uniqueId,
      status: r.status,
      timing: r.timing.map((t) => ({
        name: t.name,
        started_at: t.startedAt,
        completed_at: t.completedAt,
      })),
      thread_id: "Thread-1",
      execution_time: r.executionTime,
      adapter_response:
        r.status === "skipped"
          ? {}
          : { _message: r.message, code: r.message.split(" ")[0], rows_affected: r.rowsAffected },
      message: r.message,
      failures: r.failures,
      compiled: r.compiledSql !== null,
      compiled_code: r.compiledSql,
      relation_name: r.relationName,
      batch_results: null,
    })),
    elapsed_time: run.elapsedTime,
    args: { which: run.command, invocation_command: `updraft transform ${run.command}` },
  };
}

/** Writes manifest.json and (after a run) run_results.json into `targetDir`. */
export function writeArtifacts(
  targetDir: string,
  project: CompiledProject,
  invocation: Invocation,
  run?: RunResults,
): void {
  mkdirSync(targetDir, { recursive: true });
  const write = (name: string, content: unknown) =>
    writeFileSync(path.join(targetDir, name), `${JSON.stringify(content, null, 2)}\n`);
  write("manifest.json", buildManifest(project, invocation));
  if (run !== undefined) write("run_results.json", buildRunResults(run, invocation));
}
