import { compileParams, dag, deserializeParams, resolveParams, serializeParams } from "../src";

describe("params", () => {
  const params = compileParams({
    region: {
      type: "string",
      default: "sp",
      enum: ["sp", "rj", "mg"],
      description: "Brazilian state",
    },
    day: { type: "string", format: "date", default: "2026-01-01" },
    batch: { type: "integer", minimum: 1, maximum: 10_000, default: 500 },
    tables: { type: "array", items: { type: "string" }, default: ["vendas"] },
    dryRun: false,
    owner: { type: "string", description: "who asked" },
  });

  test("defaults are used when the run's conf does not set a param", () => {
    expect(resolveParams(params, { owner: "ana" })).toEqual({
      region: "sp",
      day: "2026-01-01",
      batch: 500,
      tables: ["vendas"],
      dryRun: false,
      owner: "ana",
    });
  });

  test("the run's conf overrides defaults and is validated", () => {
    expect(
      resolveParams(params, { region: "rj", batch: 10, owner: "ana", extra: 1 }),
    ).toMatchObject({ region: "rj", batch: 10 });
  });

  test("every problem is reported, by path", () => {
    let problems: string[] = [];
    try {
      resolveParams(params, { region: "ba", day: "01/02/2026", batch: 0, tables: ["vendas", 3] });
    } catch (error) {
      expect((error as { code: string }).code).toBe("PARAM_VALIDATION");
      problems = (error as { details: { problems: string[] } }).details.problems;
    }
    expect(problems).toEqual([
      'params.region: must be equal to one of the allowed values ["sp","rj","mg"]',
      'params.day: must match format "date"',
      "params.batch: must be >= 1",
      "params.tables.1: must be string",
      "params.owner: is required and has no default",
    ]);
  });

  test.each([
    [
      { n: { type: "integer", default: "five" } },
      'dag "bad".params.n: must be integer, got default "five"',
    ],
    [
      { d: { type: "string", format: "date", default: "tomorrow" } },
      'dag "bad".params.d: must match format "date", got default "tomorrow"',
    ],
    [
      { r: { enum: ["a"], default: "b" } },
      'dag "bad".params.r: must be equal to one of the allowed values ["a"], got default "b"',
    ],
    [{ s: { type: "strang", default: 1 } }, 'dag "bad".params.s: invalid schema'],
  ])("a bad default stops the DAG definition: %j", (definition, message) => {
    expect(() => dag({ dagId: "bad", params: definition as never })).toThrow(message);
  });

  test("serializes to Airflow 3's Param shape and back", () => {
    const json = serializeParams(params);
    expect(json.region).toEqual({
      __class: "airflow.sdk.definitions.param.Param",
      value: "sp",
      description: "Brazilian state",
      schema: { type: "string", enum: ["sp", "rj", "mg"] },
      source: null,
    });
    const back = deserializeParams(JSON.parse(JSON.stringify(json)) as Record<string, unknown>);
    expect(serializeParams(back)).toEqual(json);
    expect(() => resolveParams(back, {})).toThrow("params.owner: is required and has no default");
  });
});
