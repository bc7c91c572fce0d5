// update_mask, read the same way by every PATCH: repeatable (`?update_mask=a&update_mask=b`)
// and/or comma-separated (`a,b`), names trimmed, blanks dropped. What changes is what the body
// sets, narrowed to the mask when one is given (Airflow's model_fields_set ∩ update_mask). Given
// the names an endpoint's mask may use, a mask naming another is a 400 in the words Airflow
// uses for the DAG endpoints' mask, naming them.
import { badRequest } from "./apiError";
import { queryValues } from "./pagination";

/** `a`, `a` and `b`, `a`, `b` and `c`. */
function listed(names: readonly string[]): string {
  const quoted = names.map((name) => `\`${name}\``);
  return quoted.length <= 1
    ? (quoted[0] ?? "")
    : `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1) ?? ""}`;
}

/**
 * The update_mask of a request's query. With `allowed` (the fields the endpoint's mask may name),
 * ApiError BAD_REQUEST (400) when it names any other; without it, unknown names are kept and
 * match nothing, as Airflow ignores them on the connection, variable and pool endpoints.
 */
export function updateMaskOf(
  query: Readonly<Record<string, unknown>>,
  allowed?: readonly string[],
): string[] {
  const mask = queryValues(query.update_mask)
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter((value) => value !== "");
  if (allowed !== undefined && mask.some((name) => !allowed.includes(name)))
    throw badRequest(
      `Only ${listed(allowed)} field${allowed.length === 1 ? "" : "s"} can be updated through the REST API`,
    );
  return mask;
}

/** The fields of `fields` that `body` (as sent) sets and `mask` (when not empty) names. */
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
