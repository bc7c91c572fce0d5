// The `task_log` row in camelCase: the one place its snake_case columns are mapped.
import type { Row } from "../sqlClient";

/** One log line of a task instance try. */
export interface TaskLogRow {
  /** Increasing with insertion; the continuation token of readTaskLogs. */
  readonly id: number;
  readonly dagId: string;
  readonly runId: string;
  readonly taskId: string;
  readonly mapIndex: number;
  readonly tryNumber: number;
  readonly timestamp: Date;
  /** Airflow's level names: "debug", "info", "warning", "error", "critical". */
  readonly level: string;
  readonly message: string;
}

/** Maps a `task_log` row. */
export function taskLogFromRow(row: Row): TaskLogRow {
  return {
    id: Number(row.id),
    dagId: row.dag_id as string,
    runId: row.run_id as string,
    taskId: row.task_id as string,
    mapIndex: Number(row.map_index),
    tryNumber: Number(row.try_number),
    timestamp: row.timestamp as Date,
    level: row.level as string,
    message: row.message as string,
  };
}
