// Effective priority weights per weight rule (AIRFLOW-SEMANTICS.md 3.5) on a diamond a -> (b, c) -> d.
import type { WeightRule } from "@updraft/sdk";
import { effectivePriorityWeights } from "../src";
import type { WeightedTask } from "../src";

function diamond(
  rule: WeightRule,
  weights = { a: 1, b: 2, c: 3, d: 4 },
): Record<string, WeightedTask> {
  return {
    a: { upstreamTaskIds: [], priorityWeight: weights.a, weightRule: rule },
    b: { upstreamTaskIds: ["a"], priorityWeight: weights.b, weightRule: rule },
    c: { upstreamTaskIds: ["a"], priorityWeight: weights.c, weightRule: rule },
    d: { upstreamTaskIds: ["b", "c"], priorityWeight: weights.d, weightRule: rule },
  };
}

describe("effectivePriorityWeights on a diamond", () => {
  test.each<[string, WeightRule, Record<string, number>]>([
    ["absolute keeps each task's own weight", "absolute", { a: 1, b: 2, c: 3, d: 4 }],
    [
      "downstream adds every descendant once (d is reached twice from a)",
      "downstream",
      { a: 10, b: 6, c: 7, d: 4 },
    ],
    [
      "upstream adds every ancestor once (a is reached twice from d)",
      "upstream",
      { a: 1, b: 3, c: 4, d: 10 },
    ],
  ])("%s", (_name, rule, expected) => {
    expect(effectivePriorityWeights(diamond(rule))).toEqual(expected);
  });

  test("rules mix per task and always sum the others' own weights", () => {
    const tasks = diamond("absolute");
    const mixed = {
      ...tasks,
      a: { ...tasks.a!, weightRule: "downstream" as const },
      d: { ...tasks.d!, weightRule: "upstream" as const },
    };
    expect(effectivePriorityWeights(mixed)).toEqual({ a: 10, b: 2, c: 3, d: 10 });
  });

  test.each<[string, WeightRule, number, number]>([
    ["downstream sums are capped at int32 max", "downstream", 2_000_000_000, 2_147_483_647],
    ["upstream sums are capped at int32 max", "upstream", 2_000_000_000, 2_147_483_647],
    ["negative sums are capped at int32 min", "downstream", -2_000_000_000, -2_147_483_648],
  ])("%s", (_name, rule, weight, capped) => {
    const weights = effectivePriorityWeights(
      diamond(rule, { a: weight, b: weight, c: weight, d: weight }),
    );
    expect(Math.max(...Object.values(weights).map(Math.abs))).toBe(Math.abs(capped));
    expect(Object.values(weights)).toContain(capped);
  });

  test("upstream ids that are not tasks of the DAG are ignored", () => {
    expect(
      effectivePriorityWeights({
        a: { upstreamTaskIds: ["ghost"], priorityWeight: 5, weightRule: "upstream" },
      }),
    ).toEqual({ a: 5 });
  });
});
