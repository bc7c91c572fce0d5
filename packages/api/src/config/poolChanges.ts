// What a PATCH /pools/{pool_name} writes, refused as Airflow refuses it: a name in the body
// other than the path's is 400 (pools are not renamed); default_pool takes only slots and
// include_deferred, and only through an update_mask naming nothing else (400 otherwise); the
// fields the body sets, narrowed to the mask, change — null slots or include_deferred is 422
// (the columns hold no null), a null description clears it.
import type { UpdatePoolInput } from "@updraft/store";
import { ApiError, badRequest } from "../http/apiError";
import { POOL_PATCH_FIELDS, type PoolPatchBody } from "./poolBody";
import { fieldsToUpdate } from "../http/updateMask";

const DEFAULT_POOL = "default_pool";

type Changes = { -readonly [K in keyof UpdatePoolInput]: UpdatePoolInput[K] };

/** The updatePool input for `body` (as sent: `raw`) on the pool `name`. */
export function poolChanges(
  name: string,
  body: PoolPatchBody,
  raw: unknown,
  mask: readonly string[],
): UpdatePoolInput {
  for (const given of [body.pool, body.name])
    if (given !== null && given !== undefined && given !== name)
      throw badRequest("Invalid body, pool name from request body doesn't match uri parameter");
  if (
    name === DEFAULT_POOL &&
    (mask.length === 0 || !mask.every((f) => f === "slots" || f === "include_deferred"))
  )
    throw badRequest("Only slots and included_deferred can be modified on Default Pool");
  const fields = fieldsToUpdate(POOL_PATCH_FIELDS, raw, mask);
  const changes: Changes = { name };
  if (fields.has("slots")) {
    if (body.slots === null || body.slots === undefined)
      throw new ApiError("VALIDATION_ERROR", [
        {
          loc: ["body", "slots"],
          msg: "Input should be a valid integer",
          type: "int_type",
          input: null,
        },
      ]);
    changes.slots = body.slots;
  }
  if (fields.has("include_deferred")) {
    if (body.include_deferred === null || body.include_deferred === undefined)
      throw new ApiError("VALIDATION_ERROR", [
        {
          loc: ["body", "include_deferred"],
          msg: "Input should be a valid boolean",
          type: "bool_type",
          input: null,
        },
      ]);
    changes.includeDeferred = body.include_deferred;
  }
  if (fields.has("description")) changes.description = body.description ?? null;
  return changes;
}
