// Options of the scheduler loop, with Airflow's defaults where Airflow has the knob.
import type { Executor } from "@updraft/executor";
import type { SqlClient } from "@updraft/store";
import type { DagRunAlertOptions } from "./dagRunAlerts";

/** Where the scheduler writes what it does; the CLI passes a real logger. */
export interface SchedulerLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Options of `Scheduler`. */
export interface SchedulerOptions {
  readonly client: SqlClient;
  readonly executor: Executor;
  /** When set, the DAG processor parses this folder at start and every dagProcessIntervalMs. */
  readonly dagsFolder?: string;
  /** Queued + running tries at most (Airflow's core.parallelism). @default 32 */
  readonly parallelism?: number;
  /** Runs examined per pass (scheduler.max_dagruns_per_loop_to_schedule). @default 20 */
  readonly maxDagRunsPerLoop?: number;
  /** The safety-net sweep when no event arrives. @default 1000 */
  readonly sweepIntervalMs?: number;
  /** How often timetables are checked for due runs. @default 1000 */
  readonly runCreationIntervalMs?: number;
  /** DAG folder re-parse interval (min_file_process_interval). @default 30000 */
  readonly dagProcessIntervalMs?: number;
  /** New DAGs start paused unless they say otherwise (dags_are_paused_at_creation). @default true */
  readonly pausedByDefault?: boolean;
  /** No heartbeat for this long makes a running try a zombie (task_instance_heartbeat_timeout). @default 300 */
  readonly zombieTimeoutSeconds?: number;
  /** How often zombies are looked for. @default 10000 */
  readonly zombieCheckIntervalMs?: number;
  /** Queued tries older than this are re-enqueued (Redis may have lost them). @default 30000 */
  readonly requeueAfterMs?: number;
  /** @default 10000 */
  readonly requeueIntervalMs?: number;
  /** Scheduler job heartbeat (scheduler_heartbeat_sec). @default 5000 */
  readonly heartbeatIntervalMs?: number;
  readonly hostname?: string;
  readonly logger?: SchedulerLogger;
  /** DAG-level callbacks and alerts of finished runs. */
  readonly alerts?: DagRunAlertOptions;
  /** @default () => new Date() */
  readonly clock?: () => Date;
}
