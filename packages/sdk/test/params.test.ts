import {
  compileParams,
  deserializeParams,
  type ParamsDefinition,
  paramsWithoutDefault,
  resolveParams,
  serializeParams,
} from "../src/params";

function problemsOf(run: () => unknown): { code: string; message: string; problems: string[] } {
  try {
    run();
  } catch (error) {
    const e = error as { code: string; message: string; details?: { problems?: string[] } };
    return { code: e.code, message: e.message, problems: e.details?.problems ?? [] };
  }
  throw new Error("expected an error");
}

describe("params", () => {
  const params = compileParams({
    region: { type: "string", default: "sp", enum: ["sp", "rj", "mg"], description: "state" },
    day: { type: "string", format: "date", default: "2026-01-01" },
    at: { type: "string", format: "time", default: "12:13:14" },
    batch: { type: "integer", minimum: 1, maximum: 10_000, default: 500 },
    tables: { type: "array", items: { type: "string" }, default: ["vendas"] },
    dryRun: false,
    limits: { daily: 5 },
    owner: { type: "string", description: "who asked" },
  });

  test("defaults are used when the run's conf does not set a param", () => {
    expect(resolveParams(params, { owner: "ana" })).toEqual({
      region: "sp",
      day: "2026-01-01",
      at: "12:13:14",
      batch: 500,
      tables: ["vendas"],
      dryRun: false,
      limits: { daily: 5 },
      owner: "ana",
    });
  });

  test("the run's conf overrides defaults; conf keys that are not params stay out", () => {
    const values = resolveParams(params, { region: "rj", batch: 10, owner: "ana", extra: 1 });
    expect(values).toMatchObject({ region: "rj", batch: 10, owner: "ana" });
    expect(values).not.toHaveProperty("extra");
  });

  test("a run gets a copy of a default, so mutating it leaves the DAG's default intact", () => {
    (resolveParams(params, { owner: "ana" }).tables as string[]).push("clientes");
    expect(resolveParams(params, { owner: "ana" }).tables).toEqual(["vendas"]);
  });

  test("every problem is reported, by path, with the value and the expected form", () => {
    const error = problemsOf(() =>
      resolveParams(params, {
        region: "ba",
        day: "01/02/2026",
        at: "25:00:00",
        batch: 0,
        tables: ["vendas", 3],
      }),
    );
    expect(error.code).toBe("PARAM_VALIDATION");
    expect(error.problems).toEqual([
      'params.region: must be one of ["sp","rj","mg"], got "ba"',
      'params.day: must match format "date", got "01/02/2026"',
      'params.at: must match format "time", got "25:00:00"',
      "params.batch: must be >= 1, got 0",
      "params.tables.1: must be string, got 3",
      "params.owner: is required and has no default",
    ]);
    expect(error.message).toBe(`invalid params: ${error.problems.join("; ")}`);
  });

  test.each<[string, ParamsDefinition, Record<string, unknown>, string]>([
    [
      "format date-time",
      { t: { type: "string", format: "date-time" } },
      { t: "2024-12-01" },
      'params.t: must match format "date-time", got "2024-12-01"',
    ],
    [
      "format email",
      { e: { type: "string", format: "email" } },
      { e: "ana" },
      'params.e: must match format "email", got "ana"',
    ],
    [
      "a union type",
      { n: { type: ["integer", "null"] } },
      { n: "1" },
      'params.n: must be integer or null, got "1"',
    ],
    [
      "a required property",
      { o: { type: "object", required: ["id"] } },
      { o: {} },
      "params.o.id: is required",
    ],
    [
      "no additional properties",
      { o: { type: "object", additionalProperties: false } },
      { o: { x: 1 } },
      'params.o: must not have the property "x"',
    ],
    [
      "a pattern",
      { s: { type: "string", pattern: "^[a-z]+$" } },
      { s: "A" },
      'params.s: must match pattern "^[a-z]+$", got "A"',
    ],
    ["a const", { c: { const: "x" } }, { c: "y" }, 'params.c: must be equal to constant, got "y"'],
  ])("conf is validated against %s", (_what, definition, conf, problem) => {
    expect(problemsOf(() => resolveParams(compileParams(definition), conf)).problems).toEqual([
      problem,
    ]);
  });

  test.each<[ParamsDefinition, Record<string, unknown>]>([
    [{ t: { type: "string", format: "date-time" } }, { t: "2024-12-01T01:00:00+00:00" }],
    [{ n: { type: ["integer", "null"], default: null } }, {}],
    [{ m: { type: "string", format: "multiline", default: "a\nb" } }, {}],
    [{ x: null }, {}],
    [{ x: { type: "integer", title: "X", examples: [1], values_display: { 1: "one" } } }, { x: 1 }],
  ])("valid: %j with conf %j", (definition, conf) => {
    expect(() => resolveParams(compileParams(definition), conf)).not.toThrow();
  });
});

describe("params at definition time", () => {
  test.each<[ParamsDefinition, string]>([
    [
      { n: { type: "integer", default: "five" } },
      'dag "bad".params.n: must be integer, got default "five"',
    ],
    [
      { d: { type: "string", format: "date", default: "tomorrow" } },
      'dag "bad".params.d: must match format "date", got default "tomorrow"',
    ],
    [
      { r: { enum: ["sp", "rj"], default: "mg" } },
      'dag "bad".params.r: must be one of ["sp","rj"], got default "mg"',
    ],
    [
      { l: { type: "array", items: { type: "string" }, default: ["a", 3] } },
      'dag "bad".params.l.1: must be string, got 3 in the default',
    ],
    [{ s: { type: "strang", default: 1 } }, 'dag "bad".params.s: invalid schema {"type":"strang"}'],
    [{ s: { type: "strang" } }, 'dag "bad".params.s: invalid schema'],
    [{ "my param": 1 }, 'dag "bad".params.my param: param names must look like identifiers'],
    [{ "a.b": 1 }, 'dag "bad".params.a.b: param names must look like identifiers'],
    [
      { d: { default: new Date("2024-01-01T00:00:00Z") } },
      'dag "bad".params.d: the default must be a JSON value',
    ],
    [
      { d: { description: 5, default: 1 } },
      'dag "bad".params.d.description: must be a string, got 5',
    ],
  ])("%j is refused: %s", (definition, message) => {
    let error: { code?: string; name?: string } = {};
    expect(() => {
      try {
        compileParams(definition, 'dag "bad".params');
      } catch (e) {
        error = e as typeof error;
        throw e;
      }
    }).toThrow(message);
    expect(error).toMatchObject({ code: "INVALID_PARAM", name: "DagDefinitionError" });
  });

  test("params without a default are allowed, and listed", () => {
    const compiled = compileParams({ a: { type: "string" }, b: 1, c: { default: null } });
    expect(paramsWithoutDefault(compiled)).toEqual(["a"]);
  });

  test("a params object that is not an object is refused", () => {
    expect(() => compileParams([] as never)).toThrow("params: expected an object of params");
  });

  test("defining many DAGs without params stays fast (no schema compilation)", () => {
    const start = performance.now();
    for (let i = 0; i < 1000; i++) compileParams({});
    expect(performance.now() - start).toBeLessThan(200);
  });
});

describe("serialized params", () => {
  const params = compileParams({
    region: { type: "string", default: "sp", enum: ["sp", "rj"], description: "state", title: "R" },
    limit: 10,
    owner: { type: "string" },
    nothing: null,
  });

  test("serialize to Airflow 3's Param.dump() shape", () => {
    expect(serializeParams(params)).toEqual({
      region: {
        __class: "airflow.sdk.definitions.param.Param",
        value: "sp",
        description: "state",
        schema: { type: "string", enum: ["sp", "rj"], title: "R" },
        source: null,
      },
      limit: {
        __class: "airflow.sdk.definitions.param.Param",
        value: 10,
        description: null,
        schema: {},
        source: null,
      },
      owner: {
        __class: "airflow.sdk.definitions.param.Param",
        value: null,
        description: null,
        schema: { type: "string" },
        source: null,
        has_default: false,
      },
      nothing: {
        __class: "airflow.sdk.definitions.param.Param",
        value: null,
        description: null,
        schema: {},
        source: null,
      },
    });
  });

  test("round-trips through JSON, keeping which params have no default", () => {
    const json = JSON.parse(JSON.stringify(serializeParams(params))) as Record<string, unknown>;
    const back = deserializeParams(json);
    expect(serializeParams(back)).toEqual(serializeParams(params));
    expect(resolveParams(back, { owner: "ana" })).toEqual({
      region: "sp",
      limit: 10,
      owner: "ana",
      nothing: null,
    });
    expect(() => resolveParams(back, {})).toThrow("params.owner: is required and has no default");
  });

  test("a malformed serialized param is an error naming it", () => {
    expect(() => deserializeParams({ x: 5 })).toThrow("params.x: expected a serialized Param");
  });
});
