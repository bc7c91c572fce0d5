// @updraft/scheduler: the scheduler process. Named exports only.
export { processDagsFolder } from "./dagProcessor/processDagsFolder";
export type {
  ProcessDagsFolderOptions,
  ProcessDagsFolderReport,
} from "./dagProcessor/processDagsFolder";
