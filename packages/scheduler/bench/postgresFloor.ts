// The floor of what Postgres spends on a no-op task: the rows a task instance's life writes
// (inserted; scheduled; queued, running and success in batches the size a pass and a worker's
// group commit send; two log lines), in the same tables with the same indexes, by the plainest
// statements that write them — no pass reading pools and limits, no claim reading the run, no
// JSON in or out. What the end-to-end run's Postgres spends above it is the store's own cost.
import { performance } from "node:perf_hooks";
import { createPgClient, type SqlClient } from "@updraft/store";
import { createBenchDatabase } from "./benchDatabase";
import { commandCpuMs, walPosition } from "./instrument";

/** What the floor cost per task. */
export interface PostgresFloor {
  readonly tasks: number;
  readonly seconds: number;
  readonly cpuMsPerTask: number;
  readonly walBytesPerTask: number;
}

const DAG_ID = "bench_postgres_floor";
/** About what a pass queues and what a worker's group commit carries in the wide run. */
const QUEUE_BATCH = 32;
const WORKER_BATCH = 24;
const LOG_LINE =
  "Marking task as SUCCESS. dag_id=bench_wide_5000, task_id=t_1234, run_id=manual__2026-12-07T15:44:18.542000+00:00, map_index=-1, try_number=1 (returned)";

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The floor, in a database of its own made from the bench's schema (no scheduler sees it),
 * after a warm-up of `warmUp` lives as the end-to-end runs have one.
 */
export async function postgresFloor(tasks: number, warmUp: number): Promise<PostgresFloor> {
  const db = await createBenchDatabase();
  const client = createPgClient({ connectionString: db.url, maxConnections: 1 });
  try {
    await client.query("insert into dag (dag_id, fileloc) values ($1, 'floor.ts')", [DAG_ID]);
    await writeLives(client, "warm_up", warmUp);
    return await writeLives(client, "measured", tasks);
  } finally {
    await client.close();
    await db.drop();
  }
}

/** Writes `tasks` task instances through their life, one autocommitted statement per batch. */
async function writeLives(client: SqlClient, runId: string, tasks: number): Promise<PostgresFloor> {
  await client.query(
    `insert into dag_run (dag_id, run_id, run_type, state, run_after)
       values ($1, $2, 'manual', 'running', now())`,
    [DAG_ID, runId],
  );
  const wal0 = await walPosition(client);
  const cpu0 = commandCpuMs("postgres");
  const started = performance.now();
  const { rows } = await client.query<{ id: string }>(
    `insert into task_instance (dag_id, run_id, task_id, map_index, try_number, max_tries,
         pool, queue, priority_weight, operator)
       select $1, $2, 't_' || g, -1, 0, 0, 'default_pool', 'default', 1, '@task'
       from generate_series(1, $3::int) g
       returning id`,
    [DAG_ID, runId, tasks],
  );
  const ids = rows.map((r) => r.id);
  await client.query(
    `update task_instance set state = 'scheduled', scheduled_dttm = now(), try_number = 1,
         updated_at = now()
       where dag_id = $1 and run_id = $2 and state is null`,
    [DAG_ID, runId],
  );
  for (const batch of batches(ids, QUEUE_BATCH))
    await client.query(
      `update task_instance set state = 'queued', queued_dttm = now(), updated_at = now()
         where id = any($1::uuid[]) and state = 'scheduled'`,
      [batch],
    );
  for (const batch of batches(ids, WORKER_BATCH))
    await client.query(
      `update task_instance set state = 'running', start_date = now(),
           last_heartbeat_at = now(), hostname = 'floor', pid = 1, updated_at = now()
         where id = any($1::uuid[]) and state = 'queued' and try_number = 1`,
      [batch],
    );
  for (const batch of batches(ids, WORKER_BATCH))
    await client.query(
      `with ended as (
           update task_instance set state = 'success', end_date = now(), duration = 0.001,
             updated_at = now()
           where id = any($1::uuid[]) and state = 'running'
           returning dag_id, run_id, task_id, map_index, try_number)
         insert into task_log (dag_id, run_id, task_id, map_index, try_number, level, message)
         select dag_id, run_id, task_id, map_index, try_number, 'info', $2
         from ended cross join generate_series(1, 2)`,
      [batch, LOG_LINE],
    );
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = commandCpuMs("postgres") - cpu0;
  const walBytes = Number((await walPosition(client)) - wal0);
  return {
    tasks,
    seconds,
    cpuMsPerTask: cpuMs / tasks,
    walBytesPerTask: walBytes / tasks,
  };
}
