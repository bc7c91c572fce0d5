// The scheduler's view of each DAG, derived once per serialized version (by dag_hash): the graph
// the readiness pass walks, priority weights, timetable, limits. Reading it costs one small query
// per pass for the hashes; the JSON is fetched and parsed only when a DAG changed.
import { effectivePriorityWeights, type ReadinessTask, type WeightedTask } from "@updraft/engine";
import {
  deserializeTimetable,
  type SerializedDag,
  type SerializedTask,
  type Timetable,
} from "@updraft/sdk";
import { getSerializedDag, serializedDagHashes, type SqlClient } from "@updraft/store";

/** One DAG version, ready for scheduling decisions. */
export interface SchedulableDag {
  readonly dagId: string;
  readonly hash: string;
  readonly serialized: SerializedDag;
  readonly tasks: Readonly<Record<string, ReadinessTask & { readonly isMapped: boolean }>>;
  readonly taskById: ReadonlyMap<string, SerializedTask>;
  readonly priorityWeights: Readonly<Record<string, number>>;
  readonly timetable: Timetable;
  /** dagrun_timeout in milliseconds, or null. */
  readonly dagrunTimeoutMs: number | null;
}

function derive(serialized: SerializedDag, hash: string): SchedulableDag {
  const body = serialized.dag;
  const tasks: Record<string, ReadinessTask & { isMapped: boolean }> = {};
  const weighted: Record<string, WeightedTask> = {};
  for (const t of body.tasks) {
    tasks[t.task_id] = {
      upstreamTaskIds: t.upstream_task_ids,
      triggerRule: t.trigger_rule,
      isMapped: t.is_mapped,
    };
    weighted[t.task_id] = {
      upstreamTaskIds: t.upstream_task_ids,
      priorityWeight: t.priority_weight,
      weightRule: t.weight_rule,
    };
  }
  return {
    dagId: body.dag_id,
    hash,
    serialized,
    tasks,
    taskById: new Map(body.tasks.map((t) => [t.task_id, t])),
    priorityWeights: effectivePriorityWeights(weighted),
    timetable: deserializeTimetable(body.timetable),
    dagrunTimeoutMs: body.dagrun_timeout === null ? null : body.dagrun_timeout * 1000,
  };
}

/** Serialized DAGs by dag_id, refreshed when their hash changes. */
export class DagCache {
  readonly #entries = new Map<string, SchedulableDag>();
  readonly #client: SqlClient;

  constructor(client: SqlClient) {
    this.#client = client;
  }

  /**
   * The current versions of the given DAGs (missing ones are left out). Pass the transaction's
   * client when inside one: PGlite has a single connection, so the outer client would wait.
   */
  async load(
    dagIds: readonly string[],
    client: SqlClient = this.#client,
  ): Promise<Map<string, SchedulableDag>> {
    const unique = [...new Set(dagIds)];
    if (unique.length === 0) return new Map();
    return this.loadVersions(await serializedDagHashes(client, { dagIds: unique }), client);
  }

  /**
   * The given versions (dag_id → current dag_hash, as a claim read them), fetching and parsing
   * only those not cached yet.
   */
  async loadVersions(
    hashes: ReadonlyMap<string, string>,
    client: SqlClient = this.#client,
  ): Promise<Map<string, SchedulableDag>> {
    const found = new Map<string, SchedulableDag>();
    for (const [dagId, hash] of hashes) {
      const cached = this.#entries.get(dagId);
      if (cached?.hash === hash) {
        found.set(dagId, cached);
        continue;
      }
      const row = await getSerializedDag(client, { dagId });
      if (row === null) continue;
      const entry = derive(row.data, row.dagHash);
      this.#entries.set(dagId, entry);
      found.set(dagId, entry);
    }
    return found;
  }

  /** One DAG, or null when it is not stored. */
  async get(dagId: string, client: SqlClient = this.#client): Promise<SchedulableDag | null> {
    return (await this.load([dagId], client)).get(dagId) ?? null;
  }
}
