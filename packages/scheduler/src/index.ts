// @updraft/scheduler: the scheduler process. Named exports only.
export { processDagsFolder } from "./dagProcessor/processDagsFolder";
export type {
  ProcessDagsFolderOptions,
  ProcessDagsFolderReport,
} from "./dagProcessor/processDagsFolder";
export { Scheduler } from "./loop/scheduler";
export type { DagRunFinishedEvent, PassReport, SchedulerEvents } from "./loop/scheduler";
export type { SchedulerLogger, SchedulerOptions } from "./loop/schedulerOptions";
export { DagCache } from "./loop/dagCache";
export type { SchedulableDag } from "./loop/dagCache";
export { triggerDagRun } from "./loop/triggerDagRun";
export type { TriggerDagRunInput } from "./loop/triggerDagRun";
export { taskJobOf } from "./loop/taskJobs";
export { clearTasks, tasksToClear } from "./operations/clearTasks";
export type { ClearTasksInput } from "./operations/clearTasks";
export { createBackfill } from "./operations/createBackfill";
export type { BackfillResult, CreateBackfillInput } from "./operations/createBackfill";
