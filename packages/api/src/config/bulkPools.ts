// PATCH /pools (bulk): the pools' side of runBulkActions. A create stores the pool as POST does;
// an overwrite replaces its slots, description and include_deferred (default_pool takes only
// slots and include_deferred: an overwrite giving it a description is refused); an update is
// PATCH's (poolChanges with the action's update_mask, so default_pool needs a mask of slots /
// include_deferred); default_pool is never deleted. Each refusal is the action's 400.
import { createPool, deletePool, lockPools, type PoolRow, updatePool } from "@updraft/store";
import { badRequest } from "../http/apiError";
import type { BulkTarget } from "./bulkActions";
import { bulkBody } from "./bulkBody";
import { type PoolBody, poolBody, poolToCreate } from "./poolBody";
import { poolChanges } from "./poolChanges";

const DEFAULT_POOL = "default_pool";

/** BulkBody[PoolBody]. */
export const poolsBulkBody = bulkBody(poolBody);

/** How bulk actions read and write pools. */
export const poolsBulkTarget: BulkTarget<PoolBody, PoolRow> = {
  plural: "pools",
  idsName: "pool names",
  idOf: (entity) => entity.name,
  lock: async (tx, ids) => new Map((await lockPools(tx, { names: ids })).map((p) => [p.name, p])),
  create: (entity) => (tx) => createPool(tx, poolToCreate(entity)),
  overwrite: (entity) => {
    const { name, slots, description, includeDeferred } = poolToCreate(entity);
    if (name === DEFAULT_POOL && entity.description !== undefined)
      throw badRequest("Only slots and included_deferred can be modified on Default Pool");
    const changes = name === DEFAULT_POOL ? {} : { description };
    return (tx) => updatePool(tx, { name, slots, includeDeferred, ...changes });
  },
  update: (entity, raw, _stored, mask) => {
    const changes = poolChanges(entity.name, entity, raw, mask);
    return (tx) => updatePool(tx, changes);
  },
  remove: (id) => {
    if (id === DEFAULT_POOL) throw badRequest("Default Pool can't be deleted");
    return (tx) => deletePool(tx, { name: id });
  },
};
