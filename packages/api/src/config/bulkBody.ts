// The body of Airflow's bulk endpoints (PATCH /connections, /variables, /pools): BulkBody, a list
// of actions — create (entities, action_on_existence fail | skip | overwrite), update (entities,
// update_mask, action_on_non_existence fail | skip) and delete (ids or entities,
// action_on_non_existence) — each strict, each entity checked as the single-entity endpoints
// check it. Problems are reported as pydantic reports a tagged union's: the action's tag in
// `loc` after its index (`["body", "actions", 0, "create", "entities", 1, "slots"]`).
import { z } from "zod";
import { ApiError, type ValidationProblem } from "../http/apiError";
import { parseBody } from "./parseBody";

export const BULK_ACTIONS = ["create", "update", "delete"] as const;

/** One of the actions of a bulk body. */
export type BulkActionName = (typeof BULK_ACTIONS)[number];

const onExistence = z
  .enum(["fail", "skip", "overwrite"], { error: "Input should be 'fail', 'skip' or 'overwrite'" })
  .default("fail");
const onNonExistence = z
  .enum(["fail", "skip"], { error: "Input should be 'fail' or 'skip'" })
  .default("fail");
const listOf = <T extends z.ZodType>(item: T) =>
  z.array(item, { error: "Input should be a valid list" });

/** A delete entity: the id, or the whole entity (checked as one). */
function idOrEntity<E extends z.ZodType>(entity: E) {
  return z
    .unknown()
    .superRefine((value, ctx) => {
      if (typeof value === "string") return;
      const result = entity.safeParse(value);
      if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ ...issue });
    })
    .transform((value): string | z.output<E> =>
      typeof value === "string" ? value : entity.parse(value),
    );
}

/** BulkBody over the entity schema `entity`. */
export function bulkBody<E extends z.ZodType>(entity: E): z.ZodType<BulkBody<z.output<E>>> {
  const action = z.discriminatedUnion(
    "action",
    [
      z
        .object({
          action: z.literal("create"),
          entities: listOf(entity),
          action_on_existence: onExistence,
        })
        .strict(),
      z
        .object({
          action: z.literal("update"),
          entities: listOf(entity),
          update_mask: listOf(z.string({ error: "Input should be a valid string" }))
            .nullable()
            .optional(),
          action_on_non_existence: onNonExistence,
        })
        .strict(),
      z
        .object({
          action: z.literal("delete"),
          entities: listOf(idOrEntity(entity)),
          action_on_non_existence: onNonExistence,
        })
        .strict(),
    ],
    { error: "Input should be 'create', 'update' or 'delete'" },
  );
  return z
    .object(
      { actions: listOf(action) },
      { error: "Input should be a valid dictionary or object to extract fields from" },
    )
    .strict();
}

/** One checked action of a bulk body over entities of type E. */
export type BulkAction<E> =
  | {
      readonly action: "create";
      readonly entities: readonly E[];
      readonly action_on_existence: "fail" | "skip" | "overwrite";
    }
  | {
      readonly action: "update";
      readonly entities: readonly E[];
      readonly update_mask?: readonly string[] | null | undefined;
      readonly action_on_non_existence: "fail" | "skip";
    }
  | {
      readonly action: "delete";
      readonly entities: readonly (string | E)[];
      readonly action_on_non_existence: "fail" | "skip";
    };

/** A checked bulk body over entities of type E. */
export interface BulkBody<E> {
  readonly actions: readonly BulkAction<E>[];
}

/** `loc` with the action's tag after `actions, <i>`, as pydantic locates a tagged union's. */
function withTag(problem: ValidationProblem, body: unknown): ValidationProblem {
  const [source, field, index, ...rest] = problem.loc;
  if (field !== "actions" || typeof index !== "number" || rest.length === 0) return problem;
  const actions = (body as { actions?: unknown }).actions;
  const tag = Array.isArray(actions)
    ? (actions[index] as { action?: unknown } | undefined)?.action
    : undefined;
  if (!BULK_ACTIONS.includes(tag as BulkActionName)) return problem;
  if (rest[0] === "action") return problem;
  return { ...problem, loc: [source ?? "body", field, index, tag as string, ...rest] };
}

/** `raw` parsed by `schema` (a bulkBody), or ApiError VALIDATION_ERROR (422), pydantic's way. */
export function parseBulkBody<E>(schema: z.ZodType<BulkBody<E>>, raw: unknown): BulkBody<E> {
  try {
    return parseBody(schema, raw);
  } catch (error) {
    if (!(error instanceof ApiError) || typeof error.detail === "string") throw error;
    throw new ApiError(
      "VALIDATION_ERROR",
      error.detail.map((p) => withTag(p, raw)),
    );
  }
}
