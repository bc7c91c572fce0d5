// queueTaskInstances: scheduled → queued for as many task instances as pools and concurrency
// caps allow, in one transaction (Airflow's critical section, _executable_task_instances_to_queued).
//   locks:   when any instance is scheduled, the `slot_pool` rows FOR UPDATE (by id; with keys,
//            only their pools), then the `dag` rows of unpaused DAGs with a running run (with
//            keys, their DAGs) FOR NO KEY UPDATE (by dag_id) — so two callers admit one after
//            the other — then the candidate `task_instance` rows FOR UPDATE SKIP LOCKED
//   reads:   room + 64 candidates, best first (room: limit, at most parallelism − queued − running
//            and the pools' open slots; none when room is 0, as no task takes 0 pool slots), and
//            4 × room + 64 when some of those did not fit and more wait behind them;
//            after the locks: pool occupancy (queued + running, + deferred when the pool's
//            include_deferred), queued + running per run (and per task / (run, task) of the
//            tasks with a cap), task caps
//   writes:  state queued, queued_dttm = now, queued_by_job_id
//   returns: the queued task instances (with try_number) in priority order, and the candidates
//            left, each with the reason (pool_full, pool_not_found, max_active_tasks, …)
//            (sendQueueTaskInstances, inside a caller's transaction: the same, with the write
//            sent but not awaited, so the caller's COMMIT rides behind it)
import {
  type TaskInstanceKey,
  type TaskInstanceRow,
  taskInstanceFromRow,
  taskInstanceKeysJson,
} from "../../rows/taskInstanceRow";
import type { Row, SqlClient } from "../../sqlClient";
import {
  admitTaskInstances,
  type NotQueuedReason,
  type QueueCandidate,
} from "./admitTaskInstances";
import {
  limitsFromRow,
  limitsWithin,
  loadQueueLimits,
  type QueueLimits,
  queueLimitsColumns,
} from "./loadQueueLimits";
import { prepared } from "../../preparedStatements";
import { stateIsUnindexed } from "./foundByKey";

/** Input of queueTaskInstances. */
export interface QueueTaskInstancesInput {
  /** Queue at most this many (the executor's free slots). */
  readonly limit: number;
  /**
   * At most this many task instances queued or running in all (Airflow's core.parallelism),
   * counted after the locks, so two callers never overshoot it together. None when omitted.
   */
  readonly parallelism?: number;
  /** Only these task instances; every scheduled one of running runs of unpaused DAGs if omitted. */
  readonly keys?: readonly TaskInstanceKey[];
  /** The scheduler job queueing them. @default null */
  readonly jobId?: number | null;
  /** The database clock when omitted. */
  readonly now?: Date;
}

/** What queueTaskInstances did. */
export interface QueuedTaskInstances {
  readonly queued: TaskInstanceRow[];
  /** Examined but not queued, in priority order. */
  readonly left: (TaskInstanceKey & { readonly reason: NotQueuedReason })[];
}

// The keys in $1 as rows, to join task_instance on its unique key.
const KEYS = `jsonb_to_recordset($1::jsonb) as k(dag_id text, run_id text, task_id text,
  map_index int)`;
const KEY_MATCH = `k.dag_id = ti.dag_id and k.run_id = ti.run_id and k.task_id = ti.task_id
  and k.map_index = ti.map_index`;

// The counts and candidates are read through the state indexes, which fill with entries of dead
// row versions while a run churns through its instances (each change of state is a new version)
// until a vacuum clears them. A plain index scan marks the dead entries it meets, so later scans
// skip them and inserts reclaim their space; a bitmap scan never does and re-read tens of
// thousands of them on every pass of a 20,000-task run. (Inside the scheduler's pass, which sets
// the same, the option is the outer transaction's.)
const INDEX_SCANS_ONLY = { indexScansOnly: true } as const;

// What queueing locks, pools by id then DAGs by dag_id, so two callers admit one after the
// other and never deadlock. Without keys: every pool and every unpaused DAG with a running run,
// found without reading the scheduled instances (thousands in a wide run) — and nothing at all
// when no instance is scheduled. With keys: the pools and DAGs of those scheduled instances.
const LOCK_SCOPE = `with work as (
    select exists (select 1 from task_instance where state = 'scheduled') as waiting
  ), locked_pools as (
    select id, pool from slot_pool where (select waiting from work) order by id for update
  ), locked_dags as (
    select d.dag_id from dag d
    where (select waiting from work) and not d.is_paused
      and exists (select 1 from dag_run r where r.dag_id = d.dag_id and r.state = 'running')
    order by d.dag_id for no key update
  )
  select (select array_agg(pool) from locked_pools) as pools,
    (select array_agg(dag_id) from locked_dags) as dags`;
const LOCK_KEYS_SCOPE = `with scope as (
    select distinct ti.pool, ti.dag_id from ${KEYS} join task_instance ti on ${KEY_MATCH}
    join dag_run r on r.dag_id = ti.dag_id and r.run_id = ti.run_id and r.state = 'running'
    join dag d on d.dag_id = ti.dag_id and not d.is_paused
    where ti.state = 'scheduled'
  ), locked_pools as (
    select id from slot_pool where pool in (select pool from scope) order by id for update
  ), locked_dags as (
    select dag_id from dag where dag_id in (select dag_id from scope) order by dag_id
    for no key update
  )
  select (select array_agg(distinct pool) from scope) as pools,
    (select array_agg(distinct dag_id) from scope) as dags,
    (select count(*) from locked_pools) as pool_locks,
    (select count(*) from locked_dags) as dag_locks`;

// The best `examine` scheduled instances of the running runs of the DAGs in `dags` (a text[]
// expression): the best of each run straight from idx_task_instance_scheduled (its order within
// a run is the queueing order), then merged across runs. Optionally only the keys in $1.
const best = (dags: string, examine: string): string => `select ti.id, ti.priority_weight,
    coalesce(r.logical_date, r.run_after) as run_date, ti.map_index
  from dag_run r join dag d on d.dag_id = r.dag_id and not d.is_paused
  cross join lateral (
    select ti.id, ti.priority_weight, ti.map_index from task_instance ti
    where ti.dag_id = r.dag_id and ti.run_id = r.run_id and ti.state = 'scheduled'
      and ($1::jsonb is null or exists (select 1 from ${KEYS} where ${KEY_MATCH}))
    order by ti.priority_weight desc, ti.map_index, ti.id limit ${examine}
  ) ti
  where r.state = 'running' and r.dag_id = any(${dags})
  order by ti.priority_weight desc, run_date, ti.map_index, ti.id limit ${examine}`;

// The best ones first, then their locks: a row lock above the sort would make Postgres sort
// every scheduled task instance in full instead of keeping only the top `examine`. The rows are
// fetched by id (through the scheduled index, the planner had re-walked a run's scheduled
// instances for every candidate).
const candidates = (bestSql: string): string => `with best as materialized (${bestSql})
  select t.id, t.dag_id, t.run_id, t.task_id, t.map_index, t.pool, t.pool_slots,
    b.priority_weight, b.run_date
  from best b join task_instance t on t.id = b.id
  where ${stateIsUnindexed("t", "scheduled")}
  order by b.priority_weight desc, b.run_date, b.map_index, b.id
  for no key update of t skip locked`;

const FETCH = candidates(best("$2::text[]", "$3"));

// What LOCK_SCOPE locks, derived again: a statement cannot use what the one before it returned.
const SCOPE = `select (select array_agg(pool) from slot_pool) as pools,
    (select array_agg(d.dag_id) from dag d where not d.is_paused
      and exists (select 1 from dag_run r where r.dag_id = d.dag_id and r.state = 'running'))
    as dags`;

// Sent right behind LOCK_SCOPE, without waiting for its answer (the transaction's connection
// pipelines): Postgres runs it after LOCK_SCOPE has its locks, so it counts what they protect.
// The limits of the derived scope, the window of candidates to examine (as queueRoom works it
// out from $2 = limit and $3 = parallelism, + $4 extra), and those candidates. $1 is the keys of
// `best`, always null here.
const READ = `with scope as materialized (${SCOPE}),
  limits as materialized (
    select ${queueLimitsColumns("(select pools from scope)::text[]", "(select dags from scope)::text[]")}
  ), examined as (
    select case when l.room_limit <= 0 or coalesce(o.open, 0) <= 0 then 0
      else least(l.room_limit, o.open)::int + $4 end as n
    from (select least($2::float8, $3::float8 - total) as room_limit, pools from limits) l
    cross join lateral (
      select sum(case when (p->>'slots')::int = -1 then 'Infinity'::float8
        else greatest(0, (p->>'slots')::int - (p->>'occupied')::int) end) as open
      from jsonb_array_elements(l.pools) p) o
  ), found as (${candidates(best("(select dags from scope)::text[]", "(select n from examined)"))})
  select l.*, s.pools as scope_pools, s.dags as scope_dags, (select n from examined) as examine,
    (select coalesce(jsonb_agg(f order by f.priority_weight desc, f.run_date, f.map_index, f.id),
      '[]') from found f) as candidates
  from limits l cross join scope s`;

/** Candidates read beyond `limit` at first, for those passed over for a full pool or a cap. */
const EXAMINE_EXTRA = 64;
/** When that was not enough, how many more per open slot (Airflow's max_tis_per_query idea). */
const EXAMINE_FACTOR = 4;

/** What sendQueueTaskInstances did: the decisions, and the write still in flight. */
export interface SentQueueTaskInstances {
  /**
   * The queued task instances, in priority order, once the write's answer is in; it rejects
   * when the write failed (and the transaction then rolls back at its COMMIT).
   */
  readonly queued: Promise<TaskInstanceRow[]>;
  readonly left: QueuedTaskInstances["left"];
}

// Fresh each time: callers own (and may sort or extend) the arrays they get.
const nothing = (): SentQueueTaskInstances => ({ queued: Promise.resolve([]), left: [] });

/** Queues scheduled task instances that fit, highest priority_weight first. */
export async function queueTaskInstances(
  client: SqlClient,
  input: QueueTaskInstancesInput,
): Promise<QueuedTaskInstances> {
  return client.transaction(async (tx) => {
    const sent = await sendQueueTaskInstances(tx, input);
    return { queued: await sent.queued, left: sent.left };
  }, INDEX_SCANS_ONLY);
}

/**
 * queueTaskInstances for a caller inside a transaction (with indexScansOnly) that has nothing
 * to run after it: the write of the admitted instances is sent without waiting for its answer,
 * so the caller's COMMIT follows it in the same round trip. Await `queued` after the COMMIT.
 */
export async function sendQueueTaskInstances(
  tx: SqlClient,
  input: QueueTaskInstancesInput,
): Promise<SentQueueTaskInstances> {
  if (input.limit <= 0 || input.keys?.length === 0) return nothing();
  const keys = input.keys === undefined ? null : taskInstanceKeysJson(input.keys);
  const read = await readLimitsAndCandidates(tx, input, keys);
  if (read === null) return nothing();
  const { limits, dagIds } = read;
  // Usually the best `limit` candidates all fit; only when some were passed over and more
  // may wait behind them is a wider window read (admission is deterministic, so admitting the
  // wider list again decides the first ones the same way).
  const { limit, room } = queueRoom(input, limits);
  if (room <= 0) return nothing(); // no open pool slot: no candidate fits (pool_slots >= 1)
  let candidates = read.candidates;
  let admission = admitTaskInstances(candidates, limits, limit);
  if (
    admission.admitted.length < room &&
    admission.left.length > 0 &&
    candidates.length === read.examined
  ) {
    candidates = await fetchCandidates(tx, keys, dagIds, room * EXAMINE_FACTOR + EXAMINE_EXTRA);
    admission = admitTaskInstances(candidates, limits, limit);
  }
  const { admitted, left } = admission;
  const order = new Map(admitted.map((c, i) => [c.id, i]));
  const queued =
    admitted.length === 0
      ? Promise.resolve([])
      : tx
          .query(
            // By id alone (see stateIsUnindexed).
            prepared(`update task_instance set state = 'queued', updated_at = now(),
               queued_dttm = coalesce($2::timestamptz, now()), queued_by_job_id = $3
             where id = any($1::uuid[]) and ${stateIsUnindexed("task_instance", "scheduled")}
             returning *`),
            [admitted.map((c) => c.id), input.now ?? null, input.jobId ?? null],
          )
          .then((result) =>
            result.rows
              .map(taskInstanceFromRow)
              .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)),
          );
  queued.catch(() => undefined); // the caller awaits it
  return {
    queued,
    left: left.map(({ candidate: c, reason }) => ({
      dagId: c.dagId,
      runId: c.runId,
      taskId: c.taskId,
      mapIndex: c.mapIndex,
      reason,
    })),
  };
}

interface LimitsAndCandidates {
  readonly limits: QueueLimits;
  readonly dagIds: readonly string[];
  readonly candidates: QueueCandidate[];
  /** The window the candidates were read with (fewer came back: none is left behind them). */
  readonly examined: number;
}

/**
 * Locks the pools and DAGs, then reads the limits and the first window of candidates: null when
 * nothing is scheduled. Without keys, in one round trip (READ pipelined behind LOCK_SCOPE), kept
 * when READ's scope covers what LOCK_SCOPE locked (else, a DAG unpaused or a pool made in
 * between, read again for what is locked); with keys, one statement after the other.
 */
async function readLimitsAndCandidates(
  tx: SqlClient,
  input: QueueTaskInstancesInput,
  keys: string | null,
): Promise<LimitsAndCandidates | null> {
  const lock = tx.query<{ pools: string[] | null; dags: string[] | null }>(
    prepared(keys === null ? LOCK_SCOPE : LOCK_KEYS_SCOPE),
    keys === null ? [] : [keys],
  );
  const read =
    keys === null
      ? tx.query(prepared(READ), [null, input.limit, input.parallelism ?? Infinity, EXAMINE_EXTRA])
      : null;
  read?.catch(() => undefined); // awaited below once the lock's answer is in
  const scope = await lock;
  const pools = scope.rows[0]?.pools ?? [];
  const dagIds = scope.rows[0]?.dags ?? [];
  const row = (await read)?.rows[0];
  if (dagIds.length === 0) return null;
  const lockedPools = new Set(pools);
  const lockedDags = new Set(dagIds);
  if (row !== undefined) {
    const scopePools = new Set((row.scope_pools as string[] | null) ?? []);
    const scopeDags = new Set((row.scope_dags as string[] | null) ?? []);
    if (pools.every((p) => scopePools.has(p)) && dagIds.every((d) => scopeDags.has(d))) {
      return {
        limits: limitsWithin(limitsFromRow(row), lockedPools, lockedDags),
        dagIds,
        candidates: (row.candidates as Row[])
          .map(candidateOf)
          .filter((c) => lockedDags.has(c.dagId)),
        examined: Number(row.examine),
      };
    }
  }
  const limits = await loadQueueLimits(tx, { pools, dagIds });
  const { room } = queueRoom(input, limits);
  const examined = room <= 0 ? 0 : room + EXAMINE_EXTRA;
  const candidates = examined === 0 ? [] : await fetchCandidates(tx, keys, dagIds, examined);
  return { limits, dagIds, candidates, examined };
}

/**
 * How many may be queued (`limit`: the caller's limit and what parallelism leaves) and how many
 * of those the pools have open slots for (`room`). READ works out the same in SQL.
 */
function queueRoom(
  input: QueueTaskInstancesInput,
  limits: QueueLimits,
): { limit: number; room: number } {
  const openSlots = limits.pools.reduce((sum, p) => sum + Math.max(0, p.open), 0);
  const limit = Math.min(input.limit, (input.parallelism ?? Infinity) - limits.activeTotal);
  return { limit, room: Math.min(limit, openSlots) };
}

async function fetchCandidates(
  tx: SqlClient,
  keys: string | null,
  dagIds: readonly string[],
  examine: number,
): Promise<QueueCandidate[]> {
  const found = await tx.query(prepared(FETCH), [keys, dagIds, examine]);
  return found.rows.map(candidateOf);
}

function candidateOf(row: Row): QueueCandidate {
  return {
    dagId: row.dag_id as string,
    runId: row.run_id as string,
    taskId: row.task_id as string,
    mapIndex: Number(row.map_index),
    id: row.id as string,
    pool: row.pool as string,
    poolSlots: Number(row.pool_slots),
  };
}
