// The `task_instance` row and its key in camelCase: the one place their snake_case columns are
// mapped, both ways (keys go to SQL as a JSON array read with jsonb_to_recordset).
import type { TaskInstanceStateOrNone } from "@updraft/sdk";
import type { Row } from "../sqlClient";

/** What identifies a task instance (Airflow's TaskInstanceKey without the try number). */
export interface TaskInstanceKey {
  readonly dagId: string;
  readonly runId: string;
  readonly taskId: string;
  /** -1 for an unmapped task. */
  readonly mapIndex: number;
}

/** One task instance (Airflow's TaskInstance). */
export interface TaskInstanceRow extends TaskInstanceKey {
  /** uuid. */
  readonly id: string;
  /** The current (or last) try; 0 until first scheduled. */
  readonly tryNumber: number;
  readonly maxTries: number;
  /** null = "no status". */
  readonly state: TaskInstanceStateOrNone;
  readonly startDate: Date | null;
  readonly endDate: Date | null;
  /** Seconds. */
  readonly duration: number | null;
  readonly hostname: string | null;
  readonly unixname: string | null;
  readonly pid: number | null;
  readonly pool: string;
  readonly poolSlots: number;
  readonly queue: string;
  readonly priorityWeight: number;
  readonly operator: string | null;
  readonly queuedDttm: Date | null;
  readonly scheduledDttm: Date | null;
  readonly queuedByJobId: number | null;
  readonly executor: string | null;
  readonly executorConfig: Readonly<Record<string, unknown>>;
  readonly externalExecutorId: string | null;
  readonly lastHeartbeatAt: Date | null;
  readonly nextRetryAt: Date | null;
  readonly renderedMapIndex: string | null;
  readonly note: string | null;
  readonly updatedAt: Date;
}

const date = (value: unknown): Date | null => (value === null ? null : (value as Date));
const num = (value: unknown): number | null => (value === null ? null : Number(value));

/** Maps the key columns of a row. */
export function taskInstanceKeyFromRow(row: Row): TaskInstanceKey {
  return {
    dagId: row.dag_id as string,
    runId: row.run_id as string,
    taskId: row.task_id as string,
    mapIndex: Number(row.map_index),
  };
}

/**
 * Maps a `task_instance` row (`select *` / `returning *`). The key fields are spelled out: V8
 * builds a literal that starts with a spread and goes on with more fields about 25 times
 * slower, and the scheduler and workers map thousands of rows a second.
 */
export function taskInstanceFromRow(row: Row): TaskInstanceRow {
  return {
    dagId: row.dag_id as string,
    runId: row.run_id as string,
    taskId: row.task_id as string,
    mapIndex: Number(row.map_index),
    id: row.id as string,
    tryNumber: Number(row.try_number),
    maxTries: Number(row.max_tries),
    state: row.state as TaskInstanceStateOrNone,
    startDate: date(row.start_date),
    endDate: date(row.end_date),
    duration: num(row.duration),
    hostname: row.hostname as string | null,
    unixname: row.unixname as string | null,
    pid: num(row.pid),
    pool: row.pool as string,
    poolSlots: Number(row.pool_slots),
    queue: row.queue as string,
    priorityWeight: Number(row.priority_weight),
    operator: row.operator as string | null,
    queuedDttm: date(row.queued_dttm),
    scheduledDttm: date(row.scheduled_dttm),
    queuedByJobId: num(row.queued_by_job_id),
    executor: row.executor as string | null,
    executorConfig: (row.executor_config as Record<string, unknown> | null) ?? {},
    externalExecutorId: row.external_executor_id as string | null,
    lastHeartbeatAt: date(row.last_heartbeat_at),
    nextRetryAt: date(row.next_retry_at),
    renderedMapIndex: row.rendered_map_index as string | null,
    note: row.note as string | null,
    updatedAt: row.updated_at as Date,
  };
}

// The extra fields' names repeat for every item of every batch: each is converted once.
const snakeNames = new Map<string, string>();
const snake = (name: string): string => {
  let converted = snakeNames.get(name);
  if (converted === undefined) {
    converted = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    snakeNames.set(name, converted);
  }
  return converted;
};

/** The JSON row of a key and its extra fields (assigned one by one: no entries arrays). */
function keyRow(
  key: TaskInstanceKey,
  ord: number,
  extra: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const row: Record<string, unknown> = {
    dag_id: key.dagId,
    run_id: key.runId,
    task_id: key.taskId,
    map_index: key.mapIndex,
    ord,
  };
  for (const name of Object.keys(extra)) row[snake(name)] = extra[name];
  return row;
}

/**
 * Keys, each with optional extra fields (camelCase here, snake_case in SQL), as one JSON parameter
 * read with `jsonb_to_recordset($n::jsonb) as k(dag_id text, run_id text, task_id text,
 * map_index int, …)`; `ord` is the key's position in the list.
 */
export function taskInstanceKeysJson(
  keys: readonly TaskInstanceKey[],
  extra: (index: number) => Readonly<Record<string, unknown>> = () => ({}),
): string {
  return JSON.stringify(keys.map((key, index) => keyRow(key, index, extra(index))));
}

/**
 * taskInstanceKeysJson for a batch of writes to distinct task instances: an item whose key came
 * earlier in the list is left out (so one statement never updates a row for two items); `ord`
 * stays the item's position in the list. `count` is how many items went in.
 */
export function distinctTaskInstanceKeysJson<T extends TaskInstanceKey>(
  items: readonly T[],
  extra: (item: T) => Readonly<Record<string, unknown>>,
): { readonly json: string; readonly count: number } {
  const seen = new Set<string>();
  const rows: Record<string, unknown>[] = [];
  items.forEach((item, index) => {
    const id = `${item.dagId}\u0000${item.runId}\u0000${item.taskId}\u0000${item.mapIndex}`;
    if (seen.has(id)) return;
    seen.add(id);
    rows.push(keyRow(item, index, extra(item)));
  });
  return { json: JSON.stringify(rows), count: rows.length };
}
