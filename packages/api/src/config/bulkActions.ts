// A bulk request's actions applied as Airflow applies them: in order, each on its own — an action
// refused (409 for entities that exist under `fail`, 404 for ones missing under `fail`, 400 for
// what its entities may not do) reports one error in its part of the BulkResponse and writes
// nothing, while the others apply; the response lists per action kind the ids written and the
// errors. The whole request is one transaction, as Airflow's session is: every action reads and
// locks its rows before deciding, and a failure nobody reported (a create racing another
// writer's, a database error) rolls every action back.
import type { SqlClient } from "@updraft/store";
import { ApiError, badRequest, conflict, notFound } from "../http/apiError";
import type { BulkAction, BulkActionName, BulkBody } from "./bulkBody";
import { storeErrorCode } from "./storeErrorCode";

/** What one entity of an action writes, decided before the action writes anything. */
export type BulkWrite = (tx: SqlClient) => Promise<unknown>;

/**
 * How a bulk endpoint reads and writes its entities. The write builders may throw ApiError to
 * refuse the action (before anything of it is written).
 */
export interface BulkTarget<E, S> {
  /** The entities and their id in Airflow's messages ("connections", "connection_ids"). */
  readonly plural: string;
  readonly idsName: string;
  idOf(entity: E): string;
  /** The stored entities of `ids` by id, locked until the transaction ends. */
  lock(tx: SqlClient, ids: readonly string[]): Promise<ReadonlyMap<string, S>>;
  create(entity: E): BulkWrite;
  /** Replaces every field of `stored` with the entity's. */
  overwrite(entity: E, stored: S): BulkWrite;
  /** Changes the fields the entity sets (`raw`: as sent), narrowed to `mask` when not empty. */
  update(entity: E, raw: unknown, stored: S, mask: readonly string[]): BulkWrite;
  remove(id: string, stored: S): BulkWrite;
}

/** Airflow's BulkActionResponse. */
export interface BulkActionResponseBody {
  readonly success: string[];
  readonly errors: { readonly error: string; readonly status_code: number }[];
}

/** Airflow's BulkResponse: null for an action kind the request did not ask for. */
export type BulkResponseBody = Record<BulkActionName, BulkActionResponseBody | null>;

interface PlannedWrite {
  readonly id: string;
  readonly write: BulkWrite;
}

/** A set of ids as Python prints one (Airflow's messages do): `{'a', 'b'}`, sorted. */
const pythonSet = (ids: readonly string[]): string =>
  `{${[...new Set(ids)]
    .sort()
    .map((id) => `'${id.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`)
    .join(", ")}}`;

const duplicatesOf = (ids: readonly string[]): string[] =>
  ids.filter((id, i) => ids.indexOf(id) !== i);

/** The entity at `actions[index].entities[position]` of the body as sent. */
function rawEntity(raw: unknown, index: number, position: number): unknown {
  const actions = (raw as { actions?: unknown[] }).actions;
  const entities = (actions?.[index] as { entities?: unknown[] } | undefined)?.entities;
  return entities?.[position];
}

/** What `action` writes, or ApiError refusing it; reads and locks the rows it names. */
async function planAction<E, S>(
  tx: SqlClient,
  target: BulkTarget<E, S>,
  action: BulkAction<E>,
  rawOf: (position: number) => unknown,
): Promise<PlannedWrite[]> {
  const ids = action.entities.map((e) => (typeof e === "string" ? e : target.idOf(e)));
  const named = `The ${target.plural} with these ${target.idsName}`;
  const repeated = duplicatesOf(ids);
  if (repeated.length > 0)
    throw badRequest(`${named}: ${pythonSet(repeated)} are given more than once in one action.`);
  const stored = await target.lock(tx, ids);
  const missing = ids.filter((id) => !stored.has(id));
  if (action.action === "create") {
    const existing = ids.filter((id) => stored.has(id));
    if (action.action_on_existence === "fail" && existing.length > 0)
      throw conflict(`${named}: ${pythonSet(existing)} already exist.`);
    return action.entities.flatMap((entity, i): PlannedWrite[] => {
      const id = ids[i] ?? "";
      const found = stored.get(id);
      if (found === undefined) return [{ id, write: target.create(entity) }];
      return action.action_on_existence === "skip"
        ? []
        : [{ id, write: target.overwrite(entity, found) }];
    });
  }
  if (action.action_on_non_existence === "fail" && missing.length > 0)
    throw notFound(`${named}: ${pythonSet(missing)} were not found.`);
  return action.entities.flatMap((entity, i): PlannedWrite[] => {
    const id = ids[i] ?? "";
    const found = stored.get(id);
    if (found === undefined) return [];
    const write =
      action.action === "update"
        ? target.update(entity as E, rawOf(i), found, action.update_mask ?? [])
        : target.remove(id, found);
    return [{ id, write }];
  });
}

/** Applies the actions of `body` (as sent: `raw`) to `target`, in one transaction. */
export async function runBulkActions<E, S>(
  client: SqlClient,
  target: BulkTarget<E, S>,
  body: BulkBody<E>,
  raw: unknown,
): Promise<BulkResponseBody> {
  const response: BulkResponseBody = { create: null, update: null, delete: null };
  await client.transaction(async (tx) => {
    for (const [index, action] of body.actions.entries()) {
      const result = (response[action.action] ??= { success: [], errors: [] });
      let planned: PlannedWrite[];
      try {
        planned = await planAction(tx, target, action, (i) => rawEntity(raw, index, i));
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        result.errors.push({ error: error.message, status_code: error.status });
        continue;
      }
      for (const { id, write } of planned) {
        try {
          await write(tx);
        } catch (error) {
          if (storeErrorCode(error) === "ALREADY_EXISTS")
            throw conflict(
              `The ${target.plural} with these ${target.idsName}: ${pythonSet([id])} were created by another request meanwhile; nothing was changed.`,
            );
          throw error;
        }
        result.success.push(id);
      }
    }
  });
  return response;
}
