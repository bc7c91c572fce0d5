// loadQueueLimits: the counts queueTaskInstances admits against, read after it has locked the
// pools and DAGs involved (a count taken before the lock is never enough).
//   locks:   nothing itself; the caller holds the slot_pool and dag row locks
//   returns: open pool slots, max_active_tasks per DAG, active (queued + running) task instance
//            counts in all, per run, and per task and per (run, task) of the tasks with a cap,
//            and those caps (dag.task_concurrency_limits)
import type { Row, SqlClient } from "../../sqlClient";
import { prepared } from "../../preparedStatements";

/** Where queued/running task instances and caps stand, for one admission pass. */
export interface QueueLimits {
  /** Open slots per existing pool (Infinity for a pool of -1 slots). */
  readonly pools: readonly { readonly pool: string; readonly open: number }[];
  /** max_active_tasks per DAG (Airflow 3: running task instances per DAG run). */
  readonly dags: readonly { readonly dagId: string; readonly maxActiveTasks: number }[];
  /**
   * Queued + running counts per run (taskId null), and for tasks with a cap per task (runId
   * null) and per (run, task); a task without one has no count here.
   */
  readonly active: readonly {
    readonly dagId: string;
    readonly runId: string | null;
    readonly taskId: string | null;
    readonly count: number;
  }[];
  /** Queued + running task instances of every DAG (what core.parallelism caps). */
  readonly activeTotal: number;
  /** Tasks with max_active_tis_per_dag or max_active_tis_per_dagrun set. */
  readonly taskCaps: readonly {
    readonly dagId: string;
    readonly taskId: string;
    readonly perDag: number | null;
    readonly perRun: number | null;
  }[];
}

const num = (value: unknown): number | null => (value === null ? null : Number(value));

// The tasks with a cap (max_active_tis_per_dag / _per_dagrun) of the DAGs in `dags`: only
// theirs are counted per task, so a pass reads one count per run, not one per active instance
// (a 1,024-instance window of a wide run had made every pass aggregate ~2,000 groups as JSON).
const CAPPED_TASKS = (dags: string): string => `select d.dag_id, t->>'task_id'
  from dag d cross join lateral jsonb_array_elements(d.task_concurrency_limits) t
  where d.dag_id = any(${dags}) and d.has_task_concurrency_limits`;

/**
 * The select list reading the limits of the pools in the text[] expression `pools` and the DAGs
 * in `dags` (columns pools, dags, counts, total, caps; see limitsFromRow). queueTaskInstances
 * embeds it in a statement that derives its scope itself.
 */
export function queueLimitsColumns(pools: string, dags: string): string {
  return `(select coalesce(jsonb_agg(o), '[]') from (
       select p.pool, p.slots, coalesce(sum(ti.pool_slots) filter (where ti.state in
         ('queued', 'running') or (ti.state = 'deferred' and p.include_deferred)), 0)::int
         as occupied
       from slot_pool p left join task_instance ti
         on ti.pool = p.pool and ti.state in ('queued', 'running', 'deferred')
       where p.pool = any(${pools})
       group by p.pool, p.slots) o) as pools,
    (select coalesce(jsonb_agg(d), '[]') from (
       select dag_id, max_active_tasks from dag where dag_id = any(${dags})) d) as dags,
    (select coalesce(jsonb_agg(c), '[]') from (
       select dag_id, run_id, null::text as task_id, count(*)::int as n from task_instance
       where state in ('queued', 'running') and dag_id = any(${dags})
       group by dag_id, run_id
       union all
       select dag_id, run_id, task_id, count(*)::int as n from task_instance
       where state in ('queued', 'running') and dag_id = any(${dags})
         and (dag_id, task_id) in (${CAPPED_TASKS(dags)})
       group by grouping sets ((dag_id, task_id), (dag_id, run_id, task_id))
     ) c) as counts,
    (select count(*)::int from task_instance where state in ('queued', 'running')) as total,
    (select coalesce(jsonb_agg(t), '[]') from (
       select d.dag_id, t->>'task_id' as task_id, (t->>'per_dag')::int as per_dag,
         (t->>'per_run')::int as per_run
       from dag d cross join lateral jsonb_array_elements(d.task_concurrency_limits) t
       where d.dag_id = any(${dags}) and d.has_task_concurrency_limits) t) as caps`;
}

/** The limits of a row of queueLimitsColumns. */
export function limitsFromRow(row: Row): QueueLimits {
  const { pools, dags, counts, total, caps } = row as {
    pools: Row[];
    dags: Row[];
    counts: Row[];
    total: number;
    caps: Row[];
  };
  return {
    pools: pools.map((p) => ({
      pool: p.pool as string,
      open: Number(p.slots) === -1 ? Infinity : Number(p.slots) - Number(p.occupied),
    })),
    dags: dags.map((d) => ({
      dagId: d.dag_id as string,
      maxActiveTasks: Number(d.max_active_tasks),
    })),
    active: counts.map((c) => ({
      dagId: c.dag_id as string,
      runId: c.run_id as string | null,
      taskId: c.task_id as string | null,
      count: Number(c.n),
    })),
    activeTotal: Number(total),
    taskCaps: caps.map((c) => ({
      dagId: c.dag_id as string,
      taskId: c.task_id as string,
      perDag: num(c.per_dag ?? null),
      perRun: num(c.per_run ?? null),
    })),
  };
}

/** `limits` narrowed to the given pools and DAGs (what the caller holds locks on). */
export function limitsWithin(
  limits: QueueLimits,
  pools: ReadonlySet<string>,
  dagIds: ReadonlySet<string>,
): QueueLimits {
  return {
    pools: limits.pools.filter((p) => pools.has(p.pool)),
    dags: limits.dags.filter((d) => dagIds.has(d.dagId)),
    active: limits.active.filter((a) => dagIds.has(a.dagId)),
    activeTotal: limits.activeTotal,
    taskCaps: limits.taskCaps.filter((c) => dagIds.has(c.dagId)),
  };
}

const LIMITS = `select ${queueLimitsColumns("$1::text[]", "$2::text[]")}`;

/** Reads pool occupancy, active counts and task caps for the given pools and DAGs (one statement). */
export async function loadQueueLimits(
  tx: SqlClient,
  input: { pools: readonly string[]; dagIds: readonly string[] },
): Promise<QueueLimits> {
  const result = await tx.query(prepared(LIMITS), [input.pools, input.dagIds]);
  return limitsFromRow(result.rows[0] as Row);
}
