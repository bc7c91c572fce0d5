// The bodies of POST /pools (Airflow's PoolBody: name, slots >= -1 where -1 is unlimited,
// description, include_deferred default false) and PATCH /pools/{pool_name} (PoolPatchBody:
// every field optional; the name as `pool`, or `name` — Airflow populates by either). Both
// strict.
import type { CreatePoolInput } from "@updraft/store";
import { z } from "zod";
import { booleanField, intField, stringField, teamNameField } from "./bodyFields";

const OBJECT_ERROR = "Input should be a valid dictionary or object to extract fields from";

/** PoolBody. */
export const poolBody = z
  .object(
    {
      name: stringField({ minLength: 1, maxLength: 256 }),
      slots: intField(-1),
      description: stringField().nullable().optional(),
      include_deferred: booleanField().optional(),
      team_name: teamNameField,
    },
    { error: OBJECT_ERROR },
  )
  .strict();

/** A checked PoolBody. */
export type PoolBody = z.output<typeof poolBody>;

/** PoolPatchBody. */
export const poolPatchBody = z
  .object(
    {
      pool: stringField().nullable().optional(),
      name: stringField().nullable().optional(),
      slots: intField(-1).nullable().optional(),
      description: stringField().nullable().optional(),
      include_deferred: booleanField().nullable().optional(),
      team_name: teamNameField,
    },
    { error: OBJECT_ERROR },
  )
  .strict();

/** A checked PoolPatchBody. */
export type PoolPatchBody = z.output<typeof poolPatchBody>;

/** The fields a PATCH may change, as the body names them. */
export const POOL_PATCH_FIELDS = ["slots", "description", "include_deferred"] as const;

/** The createPool input of a checked PoolBody. */
export const poolToCreate = (body: PoolBody): CreatePoolInput => ({
  name: body.name,
  slots: body.slots,
  description: body.description ?? null,
  includeDeferred: body.include_deferred ?? false,
});
