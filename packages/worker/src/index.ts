// @updraft/worker: the store-backed TaskRunner a worker runs task-instance tries with. Named
// exports only; anything not listed is private.
export { createStoreTaskRunner } from "./storeTaskRunner";
export { compileStoreTaskRunnerOptions } from "./storeTaskRunnerOptions";
export type {
  AlertOptions,
  AlertRouteInput,
  CompiledStoreTaskRunnerOptions,
  StoreTaskRunnerOptions,
  TaskFinishedEvent,
} from "./storeTaskRunnerOptions";
// Kept for callers that found it here first; it lives in the SDK.
export { parseConnection } from "@updraft/sdk";
export { isSensitiveName, SecretMasker, SENSITIVE_NAMES } from "./secretMasker";
