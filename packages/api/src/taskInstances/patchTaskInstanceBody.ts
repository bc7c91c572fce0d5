// PatchTaskInstanceBody as Airflow 3 validates it: no unknown fields; `new_state` (when given)
// one of success, failed, skipped (any case); `note` at most 1000 characters; the include_*
// flags booleans. Which fields take effect: the ones the body sets, narrowed to `update_mask`
// when one is given (as Airflow's model_fields_set ∩ update_mask), which may name new_state and
// note only.
import { z } from "zod";

const MARKABLE_STATES = ["success", "failed", "skipped"] as const;

/** A state a task instance can be marked with. */
export type MarkableState = (typeof MARKABLE_STATES)[number];

const newState = z.unknown().transform((value, ctx): MarkableState => {
  if (value === null || value === "") {
    ctx.addIssue({ code: "custom", message: "Value error, 'new_state' should not be empty" });
    return z.NEVER;
  }
  if (typeof value !== "string") {
    ctx.addIssue({ code: "custom", message: "Input should be a valid string" });
    return z.NEVER;
  }
  const lower = value.toLowerCase();
  const state = MARKABLE_STATES.find((s) => s === lower);
  if (state === undefined) {
    ctx.addIssue({
      code: "custom",
      message: `Value error, '${lower}' is not one of ['success', 'failed', 'skipped']`,
    });
    return z.NEVER;
  }
  return state;
});

const flag = z.boolean({ error: "Input should be a valid boolean" }).default(false);

/** The body of PATCH …/taskInstances/{task_id} and its dry run. */
export const patchTaskInstanceBody = z
  .object(
    {
      new_state: newState.optional(),
      note: z
        .string({ error: "Input should be a valid string" })
        .max(1000, { error: "String should have at most 1000 characters" })
        .nullable()
        .optional(),
      include_upstream: flag,
      include_downstream: flag,
      include_future: flag,
      include_past: flag,
    },
    { error: "Input should be a valid dictionary or object to extract fields from" },
  )
  .strict();

/** The fields an update_mask may name: the ones a PATCH changes. */
export const TASK_INSTANCE_MASK_FIELDS = ["new_state", "note"] as const;

/** A parsed PatchTaskInstanceBody. */
export type PatchTaskInstanceBody = z.output<typeof patchTaskInstanceBody>;

/** What a PATCH changes: the new state and/or the note, each only when it takes effect. */
export interface TaskInstancePatch {
  readonly newState?: MarkableState;
  /** Present (possibly null) when the note is to be written. */
  readonly note?: string | null;
  readonly upstream: boolean;
  readonly downstream: boolean;
  readonly future: boolean;
  readonly past: boolean;
}

/** The effective patch of `body` (the raw request body) under `updateMask`. */
export function taskInstancePatch(
  raw: unknown,
  body: PatchTaskInstanceBody,
  updateMask: readonly string[],
): TaskInstancePatch {
  const given = new Set(Object.keys(raw as Record<string, unknown>));
  const takes = (field: string) =>
    given.has(field) && (updateMask.length === 0 || updateMask.includes(field));
  const patch: {
    newState?: MarkableState;
    note?: string | null;
  } = {};
  if (takes("new_state") && body.new_state !== undefined) patch.newState = body.new_state;
  // Airflow writes the note when a mask names it (null clears it), else only a non-null one.
  if (takes("note") && (updateMask.length > 0 || (body.note ?? null) !== null))
    patch.note = body.note ?? null;
  return {
    ...patch,
    upstream: body.include_upstream,
    downstream: body.include_downstream,
    future: body.include_future,
    past: body.include_past,
  };
}
