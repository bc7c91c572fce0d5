// PATCH /variables (bulk): the variables' side of runBulkActions. A create stores the variable
// as POST does; an overwrite replaces its value and description (a sensitive value sent back as
// `***` keeps the stored one); an update is PATCH's (variableChanges, narrowed to the action's
// update_mask — Airflow's bulk update ignores the mask and clears an unsent description); a
// delete removes the row.
import {
  createVariable,
  deleteVariable,
  lockVariables,
  updateVariable,
  type VariableRow,
} from "@updraft/store";
import type { BulkTarget } from "./bulkActions";
import { bulkBody } from "./bulkBody";
import {
  VARIABLE_PATCH_FIELDS,
  type VariableBody,
  variableBody,
  variableToCreate,
} from "./variableBody";
import { variableChanges } from "./variableChanges";

/** BulkBody[VariableBody]. */
export const variablesBulkBody = bulkBody(variableBody);

/** A body setting every field a PATCH may change: an overwrite replaces them all. */
const EVERY_FIELD: Readonly<Record<string, null>> = Object.fromEntries(
  VARIABLE_PATCH_FIELDS.map((field) => [field, null]),
);

/** How bulk actions read and write variables. */
export const variablesBulkTarget: BulkTarget<VariableBody, VariableRow> = {
  plural: "variables",
  idsName: "keys",
  idOf: (entity) => entity.key,
  lock: async (tx, ids) => new Map((await lockVariables(tx, { keys: ids })).map((v) => [v.key, v])),
  create: (entity) => (tx) => createVariable(tx, variableToCreate(entity)),
  overwrite: (entity, stored) => {
    const changes = variableChanges(stored, entity, EVERY_FIELD, []);
    return (tx) => updateVariable(tx, changes);
  },
  update: (entity, raw, stored, mask) => {
    const changes = variableChanges(stored, entity, raw, mask);
    return (tx) => updateVariable(tx, changes);
  },
  remove: (id) => (tx) => deleteVariable(tx, { key: id }),
};
