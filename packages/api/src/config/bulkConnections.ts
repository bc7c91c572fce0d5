// PATCH /connections (bulk): the connections' side of runBulkActions. A create writes the
// connection as POST does; an overwrite replaces every field as a full PATCH would (a password
// or extra value sent back as `***` keeps the stored secret); an update is PATCH's
// (connectionChanges, narrowed to the action's update_mask); a delete removes the row.
import {
  type ConnectionRow,
  createConnection,
  deleteConnection,
  lockConnections,
  updateConnection,
} from "@updraft/store";
import type { BulkTarget } from "./bulkActions";
import { bulkBody } from "./bulkBody";
import {
  CONNECTION_PATCH_FIELDS,
  type ConnectionBody,
  connectionBody,
  connectionToCreate,
} from "./connectionBody";
import { connectionChanges } from "./connectionChanges";

/** BulkBody[ConnectionBody]. */
export const connectionsBulkBody = bulkBody(connectionBody);

/** A body setting every field a PATCH may change: an overwrite replaces them all. */
const EVERY_FIELD: Readonly<Record<string, null>> = Object.fromEntries(
  CONNECTION_PATCH_FIELDS.map((field) => [field, null]),
);

/** How bulk actions read and write connections. */
export const connectionsBulkTarget: BulkTarget<ConnectionBody, ConnectionRow> = {
  plural: "connections",
  idsName: "connection_ids",
  idOf: (entity) => entity.connection_id,
  lock: async (tx, ids) =>
    new Map((await lockConnections(tx, { connIds: ids })).map((c) => [c.connId, c])),
  create: (entity) => (tx) => createConnection(tx, connectionToCreate(entity)),
  overwrite: (entity, stored) => {
    const changes = connectionChanges(stored, entity, EVERY_FIELD, []);
    return (tx) => updateConnection(tx, changes);
  },
  update: (entity, raw, stored, mask) => {
    const changes = connectionChanges(stored, entity, raw, mask);
    return (tx) => updateConnection(tx, changes);
  },
  remove: (id) => (tx) => deleteConnection(tx, { connId: id }),
};
