export { loadDagBag, loadDagFile } from "./dagBag";
export type { DagBag, DagImportError, FileLoadStat, LoadedDag } from "./dagBag";
export { listDagFiles } from "./dagFiles";
export { ModuleLoader } from "./moduleLoader";
export { CompileError, transpile } from "./transpile";
export { nodeTaskRuntime } from "./nodeTaskRuntime";
export type { NodeTaskRuntimeOptions } from "./nodeTaskRuntime";
export { createDagFileLoader } from "./dagFileLoader";
