// A DAG loader for processes that run DAG code (the worker's tries, the scheduler's DAG-level
// callbacks): imports a DAG file and keeps the result until the file's mtime changes, so
// consecutive uses of one DAG parse its file once.
import { statSync } from "node:fs";
import { loadDagFile } from "./dagBag";
import type { Dag } from "@updraft/sdk";

interface CachedFile {
  readonly mtimeMs: number;
  readonly dags: ReadonlyMap<string, Dag>;
  readonly importError: string | null;
}

/**
 * Returns `loadDag(dagId, fileloc)`: the DAG `dagId` defined by `fileloc`. Throws an Error whose
 * message names the file when it cannot be read, fails to import, or does not define the DAG.
 */
export function createDagFileLoader(): (dagId: string, fileloc: string) => Dag {
  const cache = new Map<string, CachedFile>();
  return (dagId, fileloc) => {
    const mtimeMs = statSync(fileloc).mtimeMs;
    let cached = cache.get(fileloc);
    if (cached?.mtimeMs !== mtimeMs) {
      const { dags, importError } = loadDagFile(fileloc);
      cached = {
        mtimeMs,
        dags: new Map(dags.map((d) => [d.dag.dagId, d.dag])),
        importError: importError === null ? null : importError.message,
      };
      cache.set(fileloc, cached);
    }
    if (cached.importError !== null)
      throw new Error(`DAG file ${fileloc} failed to import: ${cached.importError}`);
    const dag = cached.dags.get(dagId);
    if (dag === undefined) throw new Error(`DAG file ${fileloc} does not define dag "${dagId}"`);
    return dag;
  };
}
