// The ordered list of migrations. Append new ones; never edit one that has shipped.
import { sql as init } from "./0001_init";
import { sql as taskConcurrencyLimits } from "./0002_task_concurrency_limits";
import { sql as schedulerPassIndexes } from "./0003_scheduler_pass_indexes";
import { sql as notifications } from "./0004_notifications";
import { sql as apiUsers } from "./0005_api_users";
import { sql as apiListIndexes } from "./0006_api_list_indexes";
import { sql as taskInstanceWriteIndexes } from "./0007_task_instance_write_indexes";
import { sql as taskLogWithoutRunKeyLocks } from "./0008_task_log_without_run_key_locks";

/** One migration: a version number, a name, and its SQL. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration, in order. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: "init", sql: init },
  { version: 2, name: "task_concurrency_limits", sql: taskConcurrencyLimits },
  { version: 3, name: "scheduler_pass_indexes", sql: schedulerPassIndexes },
  { version: 4, name: "notifications", sql: notifications },
  { version: 5, name: "api_users", sql: apiUsers },
  { version: 6, name: "api_list_indexes", sql: apiListIndexes },
  { version: 7, name: "task_instance_write_indexes", sql: taskInstanceWriteIndexes },
  { version: 8, name: "task_log_without_run_key_locks", sql: taskLogWithoutRunKeyLocks },
];
