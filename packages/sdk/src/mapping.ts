// Dynamic task mapping: a task expanded at run time into one task instance per element (or per
// combination of elements) of its mapped inputs, with map_index 0..n-1 as in Airflow.
import { MappingError } from "./mappingError";

/** Airflow's `[core] max_map_length`. */
export const DEFAULT_MAX_MAP_LENGTH = 1024;

/** What the scheduler does with a mapped task once the lengths of its inputs are known. */
export type ExpansionDecision =
  | { readonly kind: "expand"; readonly count: number; readonly reason: string }
  | { readonly kind: "skip"; readonly reason: string }
  | { readonly kind: "fail"; readonly reason: string };

/**
 * Decides how many task instances a mapped task gets from the lengths of its mapped inputs
 * (the cartesian product): zero → skipped, more than `maxMapLength` → failed, as Airflow.
 */
export function decideExpansion(
  lengths: readonly number[],
  maxMapLength: number = DEFAULT_MAX_MAP_LENGTH,
): ExpansionDecision {
  const count = lengths.reduce((product, n) => product * n, 1);
  if (lengths.length === 0 || count === 0)
    return { kind: "skip", reason: "A mapped input is empty: the mapped task is skipped" };
  if (count > maxMapLength)
    return {
      kind: "fail",
      reason: `Expansion length ${count} exceeds max_map_length ${maxMapLength}`,
    };
  return { kind: "expand", count, reason: `Expanded into ${count} task instance(s)` };
}

/**
 * The element index in each mapped input for `mapIndex`: the cartesian product in which the
 * last input varies fastest (Airflow's `_find_index_for_this_field`, like itertools.product).
 */
export function indexesForMapIndex(lengths: readonly number[], mapIndex: number): number[] {
  const total = lengths.reduce((product, n) => product * n, 1);
  if (!Number.isInteger(mapIndex) || mapIndex < 0 || mapIndex >= total)
    throw new MappingError(`map_index ${mapIndex} is out of range 0..${total - 1}`);
  const indexes = new Array<number>(lengths.length);
  let rest = mapIndex;
  for (let i = lengths.length - 1; i >= 0; i--) {
    const length = lengths[i]!;
    indexes[i] = rest % length;
    rest = Math.floor(rest / length);
  }
  return indexes;
}

/** The values of each mapped input for `mapIndex`. */
export function valuesForMapIndex(
  lists: readonly (readonly unknown[])[],
  mapIndex: number,
): unknown[] {
  const indexes = indexesForMapIndex(
    lists.map((l) => l.length),
    mapIndex,
  );
  return indexes.map((index, i) => lists[i]![index]);
}

/** Checks that a resolved mapped input is a list, naming the input when it is not. */
export function requireList(value: unknown, input: string): readonly unknown[] {
  if (!Array.isArray(value))
    throw new MappingError(
      `mapped input ${input}: expected a list to expand over, got ${typeof value}`,
    );
  return value as readonly unknown[];
}
