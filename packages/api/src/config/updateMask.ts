// Which fields a PATCH changes, as Airflow's endpoints decide: the fields the body sets
// (pydantic's model_fields_set), narrowed to `update_mask` when one is given. A mask naming a
// field the body does not set changes nothing; unknown names are ignored, as Airflow ignores
// them.
import { queryValues } from "../http/pagination";

/** The update_mask of a request's query (repeatable, or comma-separated). */
export function updateMaskOf(query: Readonly<Record<string, unknown>>): string[] {
  return queryValues(query.update_mask)
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter((value) => value !== "");
}

/** The fields of `fields` that `body` sets and `mask` (when not empty) names. */
export function fieldsToUpdate<F extends string>(
  fields: readonly F[],
  body: unknown,
  mask: readonly string[],
): Set<F> {
  const set =
    body !== null && typeof body === "object"
      ? fields.filter((field) => Object.hasOwn(body, field))
      : [];
  return new Set(mask.length === 0 ? set : set.filter((field) => mask.includes(field)));
}
