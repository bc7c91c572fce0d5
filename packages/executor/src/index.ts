// @updraft/executor: how task-instance tries reach workers. The Executor / TaskWorker port, the
// job catalog, the BullMQ (Redis) adapters and the in-process LocalExecutor.
export { DEFAULT_GRACE_MS } from "./executor";
export type { Executor, TaskOutcome, TaskRunner, TaskWorker, WorkerCloseOptions } from "./executor";
export { ExecutorError } from "./executorError";
export type { ExecutorErrorCode } from "./executorError";
export { parseTaskJob, parseTaskJobs, TASK_JOB_NAME, taskJobSchema } from "./jobCatalog";
export type { TaskJob } from "./jobCatalog";
export { taskJobId } from "./taskJobId";
export { TaskEvents } from "./taskEvents";
export type {
  JobFinishedEvent,
  JobRejectedEvent,
  JobStalledEvent,
  JobStartedEvent,
  TaskEventMap,
} from "./taskEvents";

// BullMQ (Redis)
export { BullMqExecutor } from "./bullmq/bullMqExecutor";
export { compileBullMqExecutorOptions } from "./bullmq/bullMqExecutorOptions";
export type {
  BullMqExecutorOptions,
  CompiledBullMqExecutorOptions,
} from "./bullmq/bullMqExecutorOptions";
export { BULLMQ_PRIORITY_LIMIT, bullMqPriority } from "./bullmq/bullMqPriority";
export { BullMqWorker } from "./bullmq/bullMqWorker";
export { compileBullMqWorkerOptions } from "./bullmq/bullMqWorkerOptions";
export type {
  BullMqWorkerOptions,
  CompiledBullMqWorkerOptions,
} from "./bullmq/bullMqWorkerOptions";
export { DEFAULT_PREFIX, DEFAULT_REDIS_URL } from "./bullmq/redisConnection";

// In-process (standalone)
export { LocalExecutor } from "./local/localExecutor";
export { compileLocalExecutorOptions } from "./local/localExecutorOptions";
export type {
  CompiledLocalExecutorOptions,
  LocalExecutorOptions,
} from "./local/localExecutorOptions";
