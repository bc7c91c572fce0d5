// One scheduling pass over one running DAG run (Airflow's DagRun.update_state +
// task_instance_scheduling_decisions): time out the run, expand mapped tasks whose inputs are
// ready, set skipped/upstream_failed, schedule the instances whose trigger rule (and
// depends_on_past) pass, and finish the run when its leaves are done.
import {
  aggregateTaskState,
  checkPreviousRunDeps,
  decideDagRunState,
  type InstanceState,
  isDagRunTimedOut,
  isProgressingState,
  mappedInputsOf,
  planTaskInstances,
} from "@updraft/engine";
import {
  decideExpansion,
  isFinishedState,
  TaskInstanceState,
  type TaskInstanceStateOrNone,
} from "@updraft/sdk";
import {
  type DagRunRow,
  expandMappedTaskInstance,
  previousRunInstances,
  runProgress,
  setDagRunState,
  setTaskInstanceStates,
  type SqlClient,
  type TaskInstanceKey,
  type TaskInstanceStateChange,
  taskInstanceStates,
  xcomListLengths,
} from "@updraft/store";
import type { SchedulableDag } from "./dagCache";

/** What one pass did to one run. */
export interface DagRunPassResult {
  /**
   * The instances whose dependencies are met: the caller writes them (scheduled, or straight to
   * queued when they fit), after the runs of its pass have been examined.
   */
  readonly toSchedule: readonly TaskInstanceKey[];
  /** Instances set skipped / upstream_failed / failed by the pass. */
  readonly changed: number;
  /** The run's new state when the pass finished it. */
  readonly finished: "success" | "failed" | null;
  /** Airflow's reason for a finished run (task_failure, timed_out, …). */
  readonly reason: string | null;
}

/** From this many tasks on, a pass first counts what could change before reading every state. */
export const LARGE_RUN = 500;
const IDLE: DagRunPassResult = { toSchedule: [], changed: 0, finished: null, reason: null };

// A mapped task expands at most once per pass; a run has few mapped tasks, so a handful of
// rounds covers chains of mapped tasks whose inputs all came in.
const MAX_ROUNDS = 8;

/**
 * Runs the pass; call it inside the transaction that claimed the run. `known`: the run's
 * instance states when the claim read them already (taskInstanceStates' order).
 */
export async function scheduleDagRun(
  tx: SqlClient,
  dag: SchedulableDag,
  run: DagRunRow,
  now: Date,
  known: readonly InstanceState[] | null = null,
): Promise<DagRunPassResult> {
  const timedOut = isDagRunTimedOut(run.startDate, dag.dagrunTimeoutMs, now);
  if (known === null && !timedOut && dag.taskById.size >= LARGE_RUN) {
    // Nothing without a status means nothing to schedule, and with instances still in flight
    // the run is not over: skip reading (and planning over) every instance of a large run.
    const progress = await runProgress(tx, run);
    if (!progress.noStatus && progress.unfinished) return IDLE;
  }
  let instances: readonly InstanceState[] = known ?? (await taskInstanceStates(tx, run));
  if (timedOut) return timeOut(tx, run, instances, now);
  let changed = 0;
  let toSchedule: { taskId: string; mapIndex: number }[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const plan = planTaskInstances({ tasks: dag.tasks, instances });
    const changes: TaskInstanceStateChange[] = plan.changes.map((c) => ({
      dagId: run.dagId,
      runId: run.runId,
      taskId: c.taskId,
      mapIndex: c.mapIndex,
      expectedState: null,
      state: c.state,
    }));
    const expansions = await expandReady(tx, dag, run, plan.expand);
    changes.push(...expansions.changes);
    changed += (await setTaskInstanceStates(tx, { changes, now })).length;
    instances = applyStates(instances, changes, expansions.counts);
    toSchedule = plan.schedule;
    if (expansions.counts.size === 0) break;
  }
  const ready = await filterPreviousRunDeps(tx, dag, run, toSchedule);
  if (ready.length > 0) {
    // The run goes on: what is scheduled now is in flight, so there is nothing to finish. An
    // instance the caller's compare-and-set leaves alone (changed meanwhile) is the next
    // pass's to judge.
    const toSchedule: TaskInstanceKey[] = ready.map((k) => ({
      dagId: run.dagId,
      runId: run.runId,
      taskId: k.taskId,
      mapIndex: k.mapIndex,
    }));
    return { toSchedule, changed, finished: null, reason: null };
  }
  return { toSchedule: [], changed, ...(await finishIfDone(tx, dag, run, instances, now)) };
}

/** The mapped tasks ready to expand: their lengths, then the expansion, skip or failure. */
async function expandReady(
  tx: SqlClient,
  dag: SchedulableDag,
  run: DagRunRow,
  taskIds: readonly string[],
): Promise<{ changes: TaskInstanceStateChange[]; counts: Map<string, number> }> {
  const changes: TaskInstanceStateChange[] = [];
  const counts = new Map<string, number>();
  for (const taskId of taskIds) {
    const task = dag.taskById.get(taskId);
    if (task === undefined) continue;
    const inputs = mappedInputsOf(task);
    const refs = inputs.flatMap((i) =>
      i.kind === "xcom" ? [{ taskId: i.taskId, key: i.key }] : [],
    );
    const pulled = await xcomListLengths(tx, { dagId: run.dagId, runId: run.runId, refs });
    let refIndex = 0;
    const lengths: number[] = [];
    let failure: string | null = null;
    for (const input of inputs) {
      if (input.kind === "literal") lengths.push(input.length);
      else if (input.kind === "invalid") failure = input.description;
      else {
        const length = pulled[refIndex++];
        if (typeof length === "number") lengths.push(length);
        else if (length === "not_a_list") failure = `XCom of "${input.taskId}" is not a list`;
        else lengths.push(0); // nothing pushed: an empty expansion, as Airflow's None → skip
      }
    }
    const decision = failure === null ? decideExpansion(lengths) : { kind: "fail" as const };
    const key = { dagId: run.dagId, runId: run.runId, taskId, mapIndex: -1, expectedState: null };
    if (decision.kind === "expand") {
      const count = await expandMappedTaskInstance(tx, { ...key, count: decision.count });
      if (count > 0) counts.set(taskId, count);
    } else {
      changes.push({
        ...key,
        state: decision.kind === "skip" ? TaskInstanceState.SKIPPED : TaskInstanceState.FAILED,
      });
    }
  }
  return { changes, counts };
}

/** The in-memory instances after applied changes and expansions. */
function applyStates(
  instances: readonly InstanceState[],
  changes: readonly (TaskInstanceKey & { state: TaskInstanceStateOrNone })[],
  expanded: ReadonlyMap<string, number>,
): InstanceState[] {
  const byKey = new Map(changes.map((c) => [`${c.taskId}\u0000${c.mapIndex}`, c.state]));
  const next: InstanceState[] = [];
  for (const i of instances) {
    const count = expanded.get(i.taskId);
    if (count !== undefined && i.mapIndex === -1) {
      for (let m = 0; m < count; m++) next.push({ taskId: i.taskId, mapIndex: m, state: null });
      continue;
    }
    const state = byKey.get(`${i.taskId}\u0000${i.mapIndex}`);
    next.push(state === undefined ? i : { ...i, state });
  }
  return next;
}

/** Drops instances whose task depends on a past run that is not done yet. */
async function filterPreviousRunDeps(
  tx: SqlClient,
  dag: SchedulableDag,
  run: DagRunRow,
  candidates: { taskId: string; mapIndex: number }[],
): Promise<{ taskId: string; mapIndex: number }[]> {
  const dependent = candidates.filter((c) => {
    const task = dag.taskById.get(c.taskId);
    return task !== undefined && (task.depends_on_past || task.wait_for_downstream);
  });
  if (dependent.length === 0) return candidates;
  const taskIds = new Set<string>();
  for (const c of dependent) {
    taskIds.add(c.taskId);
    for (const d of dag.taskById.get(c.taskId)?.downstream_task_ids ?? []) taskIds.add(d);
  }
  const previous = await previousRunInstances(tx, {
    dagId: run.dagId,
    logicalDate: run.logicalDate,
    taskIds: [...taskIds],
    scheduledOnly: dag.serialized.dag.catchup,
  });
  return candidates.filter((c) => {
    const task = dag.taskById.get(c.taskId);
    if (task === undefined || (!task.depends_on_past && !task.wait_for_downstream)) return true;
    return checkPreviousRunDeps({
      dependsOnPast: task.depends_on_past,
      waitForDownstream: task.wait_for_downstream,
      ignoreFirstDependsOnPast: task.ignore_first_depends_on_past,
      previous:
        previous === null
          ? null
          : {
              task: previous.get(c.taskId) ?? [],
              downstream: task.downstream_task_ids.flatMap((d) => previous.get(d) ?? []),
            },
    }).met;
  });
}

/** Sets the run's final state when its task instances say it is over. */
async function finishIfDone(
  tx: SqlClient,
  dag: SchedulableDag,
  run: DagRunRow,
  instances: readonly InstanceState[],
  now: Date,
): Promise<Pick<DagRunPassResult, "finished" | "reason">> {
  // Something still in flight: the run is neither over nor deadlocked (decideDagRunState would
  // say "running"), and judging every task of a long run on every pass is what a pass costs.
  if (instances.some((i) => isProgressingState(i.state))) return { finished: null, reason: null };
  const byTask = new Map<string, TaskInstanceStateOrNone[]>();
  for (const i of instances) {
    const list = byTask.get(i.taskId) ?? [];
    list.push(i.state);
    byTask.set(i.taskId, list);
  }
  const states = Object.fromEntries(
    Object.keys(dag.tasks).map((id) => [id, aggregateTaskState(byTask.get(id) ?? [])]),
  );
  const decision = decideDagRunState({ tasks: dag.tasks, states });
  if (decision.state === "running") return { finished: null, reason: null };
  const moved = await setDagRunState(tx, { id: run.id, from: "running", to: decision.state, now });
  return moved
    ? { finished: decision.state, reason: decision.reason }
    : { finished: null, reason: null };
}

/** dagrun_timeout: unfinished instances are skipped and the run fails (reason timed_out). */
async function timeOut(
  tx: SqlClient,
  run: DagRunRow,
  instances: readonly InstanceState[],
  now: Date,
): Promise<DagRunPassResult> {
  const changes: TaskInstanceStateChange[] = instances
    .filter((i) => !isFinishedState(i.state))
    .map((i) => ({
      dagId: run.dagId,
      runId: run.runId,
      taskId: i.taskId,
      mapIndex: i.mapIndex,
      expectedState: i.state,
      state: TaskInstanceState.SKIPPED,
    }));
  const changed = (await setTaskInstanceStates(tx, { changes, now })).length;
  const moved = await setDagRunState(tx, { id: run.id, from: "running", to: "failed", now });
  return {
    toSchedule: [],
    changed,
    finished: moved ? "failed" : null,
    reason: moved ? "timed_out" : null,
  };
}
