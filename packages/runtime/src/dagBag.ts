// The DagBag: loads every DAG file of a folder, validates and serializes the DAGs they define,
// and turns whatever goes wrong in a file into an import error (file, message, stack) instead
// of a crash, as Airflow's DagBag does.
import { performance } from "node:perf_hooks";
import { collectDags, type Dag, type SerializedDag, serializeDag } from "@updraft/sdk";
import { listDagFiles } from "./dagFiles";
import { ModuleLoader } from "./moduleLoader";

/** A DAG file that could not be loaded (Airflow's ImportError). */
export interface DagImportError {
  readonly filename: string;
  readonly message: string;
  readonly stackTrace: string;
  /** The error's stable code when it has one (e.g. DAG_CYCLE, DAG_COMPILE_ERROR). */
  readonly code: string | null;
}

/** A DAG loaded from a file: the live object (for running tasks) and its serialized form. */
export interface LoadedDag {
  readonly dag: Dag;
  readonly serialized: SerializedDag;
  readonly fileloc: string;
}

/** What loading one file gave (Airflow's `dags report` row). */
export interface FileLoadStat {
  readonly file: string;
  readonly durationMs: number;
  readonly dagCount: number;
  readonly taskCount: number;
  readonly dagIds: readonly string[];
}

/** Every DAG and import error of a folder. */
export interface DagBag {
  readonly dagsFolder: string;
  readonly dags: ReadonlyMap<string, LoadedDag>;
  readonly importErrors: readonly DagImportError[];
  readonly stats: readonly FileLoadStat[];
}

function toImportError(filename: string, error: unknown): DagImportError {
  const err: Error & { code?: unknown } =
    typeof error === "object" && error !== null && "message" in error
      ? (error as Error)
      : new Error(String(error));
  return {
    filename,
    message: `${err.name ?? "Error"}: ${err.message}`,
    stackTrace: err.stack ?? `${err.name}: ${err.message}`,
    code: typeof err.code === "string" ? err.code : null,
  };
}

/**
 * Loads one file. The DAGs it defines are those created while it was evaluated (one file may
 * define several) plus any exported DAG object.
 */
export function loadDagFile(
  file: string,
  loader = new ModuleLoader(),
): { dags: LoadedDag[]; importError: DagImportError | null } {
  try {
    const { result, dags } = collectDags(() => loader.load(file));
    for (const value of Object.values((result as Record<string, unknown> | null) ?? {}))
      if (isDag(value) && !dags.includes(value)) dags.push(value);
    const loaded = dags.map((dag) => {
      dag.fileloc = file;
      return { dag, serialized: serializeDag(dag), fileloc: file };
    });
    return { dags: loaded, importError: null };
  } catch (error) {
    return { dags: [], importError: toImportError(file, error) };
  }
}

function isDag(value: unknown): value is Dag {
  return (
    typeof value === "object" &&
    value !== null &&
    "dagId" in value &&
    "rootGroup" in value &&
    "timetable" in value
  );
}

/** Loads every DAG file of `dagsFolder`. A DAG id defined twice is an import error of the later file. */
export function loadDagBag(dagsFolder: string): DagBag {
  const loader = new ModuleLoader();
  const dags = new Map<string, LoadedDag>();
  const importErrors: DagImportError[] = [];
  const stats: FileLoadStat[] = [];
  for (const file of listDagFiles(dagsFolder)) {
    const started = performance.now();
    const { dags: loaded, importError } = loadDagFile(file, loader);
    if (importError) importErrors.push(importError);
    const accepted: LoadedDag[] = [];
    for (const entry of loaded) {
      const existing = dags.get(entry.dag.dagId);
      if (existing) {
        importErrors.push(
          toImportError(
            file,
            Object.assign(
              new Error(`DAG id "${entry.dag.dagId}" is already defined in ${existing.fileloc}`),
              { name: "DuplicateDagIdError", code: "DUPLICATE_DAG_ID" },
            ),
          ),
        );
        continue;
      }
      dags.set(entry.dag.dagId, entry);
      accepted.push(entry);
    }
    stats.push({
      file,
      durationMs: performance.now() - started,
      dagCount: accepted.length,
      taskCount: accepted.reduce((n, d) => n + d.dag.tasks.length, 0),
      dagIds: accepted.map((d) => d.dag.dagId),
    });
  }
  return { dagsFolder, dags, importErrors, stats };
}
