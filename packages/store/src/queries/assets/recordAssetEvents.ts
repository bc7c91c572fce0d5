// recordAssetEvents: records that a successful task instance updated its outlet assets, and
// queues every DAG scheduled on them (Airflow's AssetManager.register_asset_change), in one
// statement. Unknown assets (never synced) are skipped, as Airflow skips them with a warning.
//   writes:  inserts one `asset_event` per known asset; upserts `asset_dag_run_queue` for each
//            (asset, DAG scheduled on it) where the DAG is neither paused nor stale (an
//            existing entry keeps its created_at)
//   locks:   the queue rows, taken in (asset_id, dag_id) order; an entry a scheduler has
//            claimed makes this wait, then re-queue once the claim's delete commits
//   notifies: SCHEDULER_CHANNEL when a DAG was queued, so its run is created at once
//   returns: { assetEvents (in input order), queuedDagIds (sorted) }
import { type AssetEventRow, type AssetRef, assetEventFromRow } from "../../rows/assetRow";
import { notifyScheduler } from "../../notifications";
import type { SqlClient } from "../../sqlClient";

/** One outlet update. */
export interface AssetEventInput extends AssetRef {
  /** The event's extra (Airflow's outlet_events[asset].extra). @default {} */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** Input of recordAssetEvents: the task instance that updated the assets. */
export interface RecordAssetEventsInput {
  readonly dagId: string;
  readonly runId: string;
  readonly taskId: string;
  /** @default -1 */
  readonly mapIndex?: number;
  readonly events: readonly AssetEventInput[];
  /** Event time; the database clock when omitted. */
  readonly now?: Date;
}

/** What recordAssetEvents stored. */
export interface RecordAssetEventsResult {
  readonly assetEvents: AssetEventRow[];
  /** The DAGs now queued on at least one of these assets. */
  readonly queuedDagIds: string[];
}

/** Records outlet updates and queues the DAGs scheduled on them. */
export async function recordAssetEvents(
  client: SqlClient,
  input: RecordAssetEventsInput,
): Promise<RecordAssetEventsResult> {
  if (input.events.length === 0) return { assetEvents: [], queuedDagIds: [] };
  const events = input.events.map((e) => ({
    name: e.name ?? e.uri,
    uri: e.uri,
    extra: e.extra ?? {},
  }));
  const result = await client.query(
    `with input as (
       select j.v->>'name' as name, j.v->>'uri' as uri, j.v->'extra' as extra, j.ord
       from jsonb_array_elements($5::jsonb) with ordinality as j(v, ord)
     ), ev as (
       insert into asset_event (asset_id, extra, source_dag_id, source_task_id, source_run_id,
                                source_map_index, timestamp)
       select a.id, i.extra, $1, $3, $2, $4, coalesce($6::timestamptz, now())
       from input i join asset a on a.name = i.name and a.uri = i.uri
       order by i.ord
       returning *
     ), queued as (
       insert into asset_dag_run_queue as q (asset_id, target_dag_id, created_at)
       select distinct r.asset_id, r.dag_id, coalesce($6::timestamptz, now())
       from dag_schedule_asset_reference r
       join dag d on d.dag_id = r.dag_id and not d.is_paused and not d.is_stale
       where r.asset_id in (select asset_id from ev)
       order by r.asset_id, r.dag_id
       on conflict (asset_id, target_dag_id) do update set created_at = q.created_at
       returning target_dag_id
     )
     select ev.*, a.name, a.uri,
       (select coalesce(array_agg(distinct target_dag_id order by target_dag_id), '{}')
        from queued) as queued_dag_ids
     from ev join asset a on a.id = ev.asset_id
     order by ev.id`,
    [
      input.dagId,
      input.runId,
      input.taskId,
      input.mapIndex ?? -1,
      JSON.stringify(events),
      input.now ?? null,
    ],
  );
  const queuedDagIds = (result.rows[0]?.queued_dag_ids as string[] | undefined) ?? [];
  if (queuedDagIds.length > 0) await notifyScheduler(client, "asset_updated");
  return { assetEvents: result.rows.map(assetEventFromRow), queuedDagIds };
}
