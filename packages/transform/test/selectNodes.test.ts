// dbt's node selection over a small shop project: every method and graph operator, set
// operators, indirect test selection (eager, cautious, empty), exclude, and the messages a
// malformed selector gets.
//
//   source raw.vendas ──▶ stg_vendas ──▶ fct_vendas ──▶ rpt_vendas_mensais
//   source raw.veiculos ─▶ stg_veiculos ─▶ dim_veiculos ─▶ fct_vendas
//   source raw.veiculos ─▶ snapshot vehicle_prices ─▶ dim_veiculos
//   seed regions ──▶ dim_regions ──▶ rpt_regioes ◀── utils.calendar (another package)
//
// Tests: not_null on stg_vendas, unique on stg_veiculos, relationships fct_vendas → dim_veiculos
// (two parents), a singular test on fct_vendas, not_null on source raw.vendas, unique on the seed.
import type { SelectableNode } from "../src/select/selectableNode";
import type { SelectionOptions } from "../src/select/selectNodes";
import { resolveSelection, selectNodes } from "../src/select/selectNodes";
import { TransformError } from "../src/transformError";

type Short =
  | "raw.vendas"
  | "raw.veiculos"
  | "regions"
  | "vehicle_prices"
  | "calendar"
  | "stg_vendas"
  | "stg_veiculos"
  | "dim_veiculos"
  | "dim_regions"
  | "fct_vendas"
  | "rpt_vendas_mensais"
  | "rpt_regioes"
  | "t_not_null"
  | "t_unique"
  | "t_relationships"
  | "t_singular"
  | "t_source"
  | "t_seed";

const NODES: Record<Short, SelectableNode> = {
  "raw.vendas": {
    uniqueId: "source.shop.raw.vendas",
    name: "vendas",
    resourceType: "source",
    packageName: "shop",
    tags: ["pii"],
    path: "models/staging/sources.yml",
    fqn: ["shop", "raw", "vendas"],
    materialized: null,
    dependsOn: [],
  },
  "raw.veiculos": {
    uniqueId: "source.shop.raw.veiculos",
    name: "veiculos",
    resourceType: "source",
    packageName: "shop",
    tags: [],
    path: "models/staging/sources.yml",
    fqn: ["shop", "raw", "veiculos"],
    materialized: null,
    dependsOn: [],
  },
  regions: {
    uniqueId: "seed.shop.regions",
    name: "regions",
    resourceType: "seed",
    packageName: "shop",
    tags: [],
    path: "seeds/regions.csv",
    fqn: ["shop", "regions"],
    materialized: "seed",
    dependsOn: [],
  },
  vehicle_prices: {
    uniqueId: "snapshot.shop.vehicle_prices",
    name: "vehicle_prices",
    resourceType: "snapshot",
    packageName: "shop",
    tags: [],
    path: "snapshots/vehicle_prices.sql",
    fqn: ["shop", "vehicle_prices", "vehicle_prices"],
    materialized: "snapshot",
    dependsOn: ["source.shop.raw.veiculos"],
  },
  calendar: {
    uniqueId: "model.utils.calendar",
    name: "calendar",
    resourceType: "model",
    packageName: "utils",
    tags: [],
    path: "models/calendar.sql",
    fqn: ["utils", "calendar"],
    materialized: "table",
    dependsOn: [],
  },
  stg_vendas: model("stg_vendas", "staging", "view", ["staging"], ["source.shop.raw.vendas"]),
  stg_veiculos: model(
    "stg_veiculos",
    "staging",
    "view",
    ["staging", "nightly"],
    ["source.shop.raw.veiculos"],
  ),
  dim_veiculos: model(
    "dim_veiculos",
    "marts",
    "table",
    ["nightly"],
    ["model.shop.stg_veiculos", "snapshot.shop.vehicle_prices"],
  ),
  dim_regions: model("dim_regions", "marts", "table", [], ["seed.shop.regions"]),
  fct_vendas: model(
    "fct_vendas",
    "marts",
    "incremental",
    ["nightly"],
    ["model.shop.stg_vendas", "model.shop.dim_veiculos"],
  ),
  rpt_vendas_mensais: model(
    "rpt_vendas_mensais",
    "reporting",
    "view",
    [],
    ["model.shop.fct_vendas"],
  ),
  rpt_regioes: model(
    "rpt_regioes",
    "reporting",
    "view",
    [],
    ["model.shop.dim_regions", "model.utils.calendar"],
  ),
  t_not_null: genericTest("not_null_stg_vendas_id_vendas", "models/staging/schema.yml", [
    "model.shop.stg_vendas",
  ]),
  t_unique: genericTest("unique_stg_veiculos_id", "models/staging/schema.yml", [
    "model.shop.stg_veiculos",
  ]),
  t_relationships: genericTest(
    "relationships_fct_vendas_id_veiculo__id__ref_dim_veiculos_",
    "models/marts/schema.yml",
    ["model.shop.fct_vendas", "model.shop.dim_veiculos"],
  ),
  t_singular: {
    uniqueId: "test.shop.assert_vendas_positive",
    name: "assert_vendas_positive",
    resourceType: "test",
    packageName: "shop",
    tags: ["finance"],
    path: "tests/assert_vendas_positive.sql",
    fqn: ["shop", "assert_vendas_positive"],
    materialized: "test",
    dependsOn: ["model.shop.fct_vendas"],
    testType: "singular",
  },
  t_source: genericTest("source_not_null_raw_vendas_id", "models/staging/sources.yml", [
    "source.shop.raw.vendas",
  ]),
  t_seed: genericTest("unique_regions_code", "seeds/schema.yml", ["seed.shop.regions"]),
};

function model(
  name: string,
  folder: string,
  materialized: string,
  tags: string[],
  dependsOn: string[],
): SelectableNode {
  return {
    uniqueId: `model.shop.${name}`,
    name,
    resourceType: "model",
    packageName: "shop",
    tags,
    path: `models/${folder}/${name}.sql`,
    fqn: ["shop", folder, name],
    materialized,
    dependsOn,
  };
}

function genericTest(name: string, path: string, dependsOn: string[]): SelectableNode {
  // dbt puts a generic test under the folders of the YAML file that declares it.
  const folders = path.split("/").slice(1, -1);
  return {
    uniqueId: `test.shop.${name}.0a1b2c3d4e`,
    name,
    resourceType: "test",
    packageName: "shop",
    tags: [],
    path,
    fqn: ["shop", ...folders, name],
    materialized: "test",
    dependsOn,
    testType: "generic",
  };
}

// Deliberately not in DAG order: results must follow the input, not the graph.
const ORDER: readonly Short[] = [
  "t_not_null",
  "fct_vendas",
  "raw.vendas",
  "raw.veiculos",
  "regions",
  "vehicle_prices",
  "calendar",
  "stg_vendas",
  "stg_veiculos",
  "dim_veiculos",
  "dim_regions",
  "rpt_vendas_mensais",
  "rpt_regioes",
  "t_unique",
  "t_relationships",
  "t_singular",
  "t_source",
  "t_seed",
];
const GRAPH = ORDER.map((short) => NODES[short]);

/** The unique ids of `shorts`, in input order, which is how selectNodes returns them. */
function ids(...shorts: Short[]): string[] {
  return ORDER.filter((s) => shorts.includes(s)).map((s) => NODES[s].uniqueId);
}

const select = (options: SelectionOptions): string[] => selectNodes(GRAPH, options);
const ALL_BUT_SOURCES = ORDER.filter((s) => !s.startsWith("raw."));

describe("selectNodes", () => {
  describe("defaults", () => {
    test("no select picks every node except sources, in input order", () => {
      expect(select({})).toEqual(ids(...ALL_BUT_SOURCES));
      expect(selectNodes(GRAPH)).toEqual(ids(...ALL_BUT_SOURCES));
    });

    test("an empty select list counts as none given", () => {
      expect(select({ select: [] })).toEqual(ids(...ALL_BUT_SOURCES));
    });

    test("results follow the input order, not the order of the selectors", () => {
      expect(select({ select: ["rpt_vendas_mensais stg_vendas"] })).toEqual([
        NODES.t_not_null.uniqueId,
        NODES.stg_vendas.uniqueId,
        NODES.rpt_vendas_mensais.uniqueId,
      ]);
    });

    test("a selector matching nothing is not an error; resolveSelection names it", () => {
      expect(select({ select: ["no_such_model"] })).toEqual([]);
      expect(resolveSelection(GRAPH, { select: ["stg_vendas nothing,here"] })).toEqual({
        selected: ids("stg_vendas", "t_not_null"),
        unmatched: ["nothing,here"],
      });
    });
  });

  describe("the default method (no method: prefix)", () => {
    test.each<[string, Short[]]>([
      ["stg_vendas", ["stg_vendas", "t_not_null"]],
      ["shop.staging.stg_vendas", ["stg_vendas", "t_not_null"]],
      ["staging.stg_vendas", ["stg_vendas", "t_not_null"]],
      // A dotted prefix selects a folder; the tests declared in it are in it too.
      ["staging", ["stg_vendas", "stg_veiculos", "t_not_null", "t_unique", "t_source"]],
      [
        "shop.marts",
        ["fct_vendas", "dim_veiculos", "dim_regions", "t_relationships", "t_singular"],
      ],
      // The project name is a prefix of every fqn in it; sources are never matched by fqn.
      ["utils", ["calendar"]],
      ["models/staging/stg_vendas.sql", ["stg_vendas", "t_not_null"]],
      ["stg_vendas.sql", ["stg_vendas", "t_not_null"]],
      ["regions.csv", ["regions", "t_seed"]],
    ])("%s", (selector, expected) => {
      expect(select({ select: [selector] })).toEqual(ids(...expected));
    });

    test("a value with a slash is a path, selecting sources in that folder too", () => {
      expect(select({ select: ["models/staging"] })).toEqual(
        select({ select: ["path:models/staging"] }),
      );
    });

    test("fqn:* is every node but sources", () => {
      expect(select({ select: ["fqn:*"] })).toEqual(ids(...ALL_BUT_SOURCES));
    });
  });

  describe("wildcards", () => {
    test.each<[string, Short[]]>([
      ["staging.*", ["stg_vendas", "stg_veiculos", "t_not_null", "t_unique", "t_source"]],
      ["*.stg_*", ["stg_vendas", "stg_veiculos", "t_not_null", "t_unique"]],
      ["*.stg_vend?s", ["stg_vendas", "t_not_null"]],
      ["*.dim_[rv]*", ["dim_veiculos", "dim_regions", "t_relationships"]],
      ["shop.*.rpt_*", ["rpt_vendas_mensais", "rpt_regioes"]],
      // As in dbt, a bare glob is compared with the whole fqn after the package, so it only
      // reaches nodes at the top of their package, not by name alone.
      ["cal*", ["calendar"]],
      ["stg_*", []],
      [
        "tag:night*",
        ["stg_veiculos", "dim_veiculos", "fct_vendas", "t_unique", "t_relationships", "t_singular"],
      ],
      ["package:util?", ["calendar"]],
      ["file:dim_*.sql", ["dim_veiculos", "dim_regions", "t_relationships"]],
    ])("%s", (selector, expected) => {
      expect(select({ select: [selector] })).toEqual(ids(...expected));
    });
  });

  describe("methods", () => {
    test.each<[string, Short[]]>([
      [
        "tag:nightly",
        ["stg_veiculos", "dim_veiculos", "fct_vendas", "t_unique", "t_relationships", "t_singular"],
      ],
      // A test's own tag selects it.
      ["tag:finance", ["t_singular"]],
      // Tags select sources, and tests on a selected source come with it.
      ["tag:pii", ["raw.vendas", "t_source"]],
      [
        "path:models/staging",
        [
          "raw.vendas",
          "raw.veiculos",
          "stg_vendas",
          "stg_veiculos",
          "t_not_null",
          "t_unique",
          "t_source",
        ],
      ],
      [
        "path:models/staging/",
        [
          "raw.vendas",
          "raw.veiculos",
          "stg_vendas",
          "stg_veiculos",
          "t_not_null",
          "t_unique",
          "t_source",
        ],
      ],
      ["path:models/staging/stg_vendas.sql", ["stg_vendas", "t_not_null"]],
      ["path:models/*/dim_*.sql", ["dim_veiculos", "dim_regions", "t_relationships"]],
      ["path:models/**/rpt_*.sql", ["rpt_vendas_mensais", "rpt_regioes"]],
      ["path:tests", ["t_singular"]],
      // A folder is matched segment by segment, not as a string prefix.
      ["path:models/stag", []],
      ["file:stg_vendas", ["stg_vendas", "t_not_null"]],
      ["config.materialized:table", ["calendar", "dim_veiculos", "dim_regions", "t_relationships"]],
      ["config.materialized:incremental", ["fct_vendas", "t_relationships", "t_singular"]],
      ["config.tags:staging", ["stg_vendas", "stg_veiculos", "t_not_null", "t_unique"]],
      ["resource_type:seed", ["regions", "t_seed"]],
      ["resource_type:snapshot", ["vehicle_prices"]],
      [
        "resource_type:test",
        ["t_not_null", "t_unique", "t_relationships", "t_singular", "t_source", "t_seed"],
      ],
      ["resource_type:source", ["raw.vendas", "raw.veiculos", "t_source"]],
      ["resource_type:analysis", []],
      ["source:raw", ["raw.vendas", "raw.veiculos", "t_source"]],
      ["source:raw.vendas", ["raw.vendas", "t_source"]],
      ["source:shop.raw.veic*", ["raw.veiculos"]],
      ["source:other", []],
      ["test_type:singular", ["t_singular"]],
      ["test_type:generic", ["t_not_null", "t_unique", "t_relationships", "t_source", "t_seed"]],
      // dbt's old names for the two kinds.
      ["test_type:data", ["t_singular"]],
      ["test_type:schema", ["t_not_null", "t_unique", "t_relationships", "t_source", "t_seed"]],
      ["package:utils", ["calendar"]],
      // Unlike the bare project name, package: reaches sources too.
      ["package:shop", ORDER.filter((s) => s !== "calendar")],
      ["fqn:shop.marts.fct_vendas", ["fct_vendas", "t_relationships", "t_singular"]],
    ])("%s", (selector, expected) => {
      expect(select({ select: [selector] })).toEqual(ids(...expected));
    });

    test("test_type without testType falls back on the file: .sql is singular", () => {
      const { testType: _singular, ...bare } = NODES.t_singular;
      const { testType: _generic, ...bareGeneric } = NODES.t_not_null;
      const nodes = [bare, bareGeneric];
      expect(selectNodes(nodes, { select: ["test_type:singular"] })).toEqual([bare.uniqueId]);
      expect(selectNodes(nodes, { select: ["test_type:generic"] })).toEqual([bareGeneric.uniqueId]);
    });
  });

  describe("graph operators", () => {
    test("m+ adds every descendant, tests included", () => {
      expect(select({ select: ["stg_vendas+"] })).toEqual(
        ids(
          "stg_vendas",
          "fct_vendas",
          "rpt_vendas_mensais",
          "t_not_null",
          "t_relationships",
          "t_singular",
        ),
      );
    });

    test("+m adds every ancestor, sources included", () => {
      expect(select({ select: ["+dim_veiculos"] })).toEqual(
        ids(
          "raw.veiculos",
          "vehicle_prices",
          "stg_veiculos",
          "dim_veiculos",
          "t_unique",
          "t_relationships",
        ),
      );
    });

    test("+m+ adds both directions", () => {
      expect(select({ select: ["+stg_vendas+"] })).toEqual(
        ids(
          "raw.vendas",
          "stg_vendas",
          "fct_vendas",
          "rpt_vendas_mensais",
          "t_not_null",
          "t_relationships",
          "t_singular",
          "t_source",
        ),
      );
    });

    test("N+m stops after N generations of ancestors", () => {
      expect(select({ select: ["1+fct_vendas"] })).toEqual(
        ids(
          "fct_vendas",
          "stg_vendas",
          "dim_veiculos",
          "t_not_null",
          "t_relationships",
          "t_singular",
        ),
      );
      expect(select({ select: ["2+fct_vendas"] })).toEqual(
        ids(
          "fct_vendas",
          "raw.vendas",
          "vehicle_prices",
          "stg_vendas",
          "stg_veiculos",
          "dim_veiculos",
          "t_not_null",
          "t_unique",
          "t_relationships",
          "t_singular",
          "t_source",
        ),
      );
    });

    test("m+N stops after N generations of descendants", () => {
      expect(select({ select: ["stg_veiculos+1"] })).toEqual(
        ids("stg_veiculos", "dim_veiculos", "t_unique", "t_relationships"),
      );
      expect(select({ select: ["stg_veiculos+2"] })).toEqual(
        ids(
          "fct_vendas",
          "stg_veiculos",
          "dim_veiculos",
          "t_unique",
          "t_relationships",
          "t_singular",
        ),
      );
    });

    test("a depth of 0 adds nothing", () => {
      expect(select({ select: ["0+stg_vendas+0"] })).toEqual(select({ select: ["stg_vendas"] }));
    });

    test("@m adds descendants and every ancestor of those descendants", () => {
      // calendar is no ancestor or descendant of regions, but a parent of its descendant.
      expect(select({ select: ["@regions"] })).toEqual(
        ids("regions", "calendar", "dim_regions", "rpt_regioes", "t_seed"),
      );
      expect(select({ select: ["regions+"] })).toEqual(
        ids("regions", "dim_regions", "rpt_regioes", "t_seed"),
      );
    });

    test("@m reaches the other parent of a multi-parent test below m", () => {
      expect(select({ select: ["@fct_vendas"] })).toContain(NODES.vehicle_prices.uniqueId);
      expect(select({ select: ["@dim_veiculos"] })).toContain(NODES.stg_vendas.uniqueId);
    });

    test("operators apply to any method", () => {
      expect(select({ select: ["source:raw.vendas+"] })).toEqual(
        ids(
          "raw.vendas",
          "stg_vendas",
          "fct_vendas",
          "rpt_vendas_mensais",
          "t_not_null",
          "t_relationships",
          "t_singular",
          "t_source",
        ),
      );
      expect(select({ select: ["+tag:pii"] })).toEqual(ids("raw.vendas", "t_source"));
      expect(select({ select: ["config.materialized:table+1"] })).toEqual(
        ids(
          "fct_vendas",
          "calendar",
          "dim_veiculos",
          "dim_regions",
          "rpt_regioes",
          "t_relationships",
          "t_singular",
        ),
      );
    });
  });

  describe("set operators", () => {
    test("spaces inside one value and separate values are both a union", () => {
      const expected = ids("stg_vendas", "dim_regions", "t_not_null");
      expect(select({ select: ["stg_vendas dim_regions"] })).toEqual(expected);
      expect(select({ select: ["stg_vendas", "dim_regions"] })).toEqual(expected);
      expect(select({ select: ["  stg_vendas \t dim_regions "] })).toEqual(expected);
    });

    test("commas are an intersection", () => {
      expect(select({ select: ["tag:nightly,config.materialized:table"] })).toEqual(
        ids("dim_veiculos", "t_relationships"),
      );
      expect(select({ select: ["tag:nightly,tag:staging"] })).toEqual(
        ids("stg_veiculos", "t_unique"),
      );
      expect(select({ select: ["staging.*,resource_type:model"] })).toEqual(
        ids("stg_vendas", "stg_veiculos", "t_not_null", "t_unique"),
      );
    });

    test("each criterion brings its tests before intersecting, so m,test_type:x finds m's tests", () => {
      expect(select({ select: ["stg_vendas,test_type:generic"] })).toEqual(ids("t_not_null"));
      expect(select({ select: ["fct_vendas,test_type:singular"] })).toEqual(ids("t_singular"));
      expect(select({ select: ["fct_vendas,test_type:generic"] })).toEqual(ids("t_relationships"));
    });

    test("unions of intersections, with graph operators inside", () => {
      expect(select({ select: ["tag:staging,resource_type:model+1 regions"] })).toEqual(
        ids("regions", "stg_vendas", "stg_veiculos", "t_not_null", "t_unique", "t_seed"),
      );
    });
  });

  describe("indirect test selection", () => {
    test.each<[SelectionOptions["indirectSelection"], Short[]]>([
      // eager (the default): any parent selected is enough.
      [undefined, ["fct_vendas", "t_relationships", "t_singular"]],
      ["eager", ["fct_vendas", "t_relationships", "t_singular"]],
      // cautious: the relationships test also needs dim_veiculos.
      ["cautious", ["fct_vendas", "t_singular"]],
      ["empty", ["fct_vendas"]],
    ])("fct_vendas with %s", (indirectSelection, expected) => {
      expect(select({ select: ["fct_vendas"], indirectSelection })).toEqual(ids(...expected));
    });

    test("cautious takes a multi-parent test once a union holds all its parents", () => {
      expect(
        select({ select: ["fct_vendas dim_veiculos"], indirectSelection: "cautious" }),
      ).toEqual(ids("fct_vendas", "dim_veiculos", "t_relationships", "t_singular"));
      expect(
        select({ select: ["fct_vendas", "dim_veiculos"], indirectSelection: "cautious" }),
      ).toEqual(ids("fct_vendas", "dim_veiculos", "t_relationships", "t_singular"));
    });

    test("cautious: a graph operator that reaches both parents takes the test", () => {
      expect(select({ select: ["dim_veiculos+1"], indirectSelection: "cautious" })).toEqual(
        ids("fct_vendas", "dim_veiculos", "t_relationships", "t_singular"),
      );
      expect(select({ select: ["stg_veiculos+1"], indirectSelection: "cautious" })).toEqual(
        ids("stg_veiculos", "dim_veiculos", "t_unique"),
      );
    });

    test("tests reached by a graph operator are selected in every mode, empty too", () => {
      expect(select({ select: ["stg_vendas+"], indirectSelection: "empty" })).toEqual(
        ids(
          "stg_vendas",
          "fct_vendas",
          "rpt_vendas_mensais",
          "t_not_null",
          "t_relationships",
          "t_singular",
        ),
      );
    });

    test("a test named directly is selected in every mode", () => {
      for (const indirectSelection of ["eager", "cautious", "empty"] as const) {
        expect(select({ select: ["test_type:singular"], indirectSelection })).toEqual(
          ids("t_singular"),
        );
      }
    });

    test("an unknown mode is refused", () => {
      expect(() =>
        select({ indirectSelection: "buildable" as SelectionOptions["indirectSelection"] }),
      ).toThrow('indirectSelection "buildable": expected one of eager, cautious, empty');
    });
  });

  describe("exclude", () => {
    test("removes what it matches, last", () => {
      expect(select({ select: ["fct_vendas+"], exclude: ["rpt_vendas_mensais"] })).toEqual(
        ids("fct_vendas", "t_relationships", "t_singular"),
      );
    });

    test("without select, excludes from everything but sources", () => {
      expect(select({ exclude: ["resource_type:test staging"] })).toEqual(
        ids(
          "fct_vendas",
          "regions",
          "vehicle_prices",
          "calendar",
          "dim_veiculos",
          "dim_regions",
          "rpt_vendas_mensais",
          "rpt_regioes",
        ),
      );
    });

    test("removes indirectly selected tests it matches", () => {
      expect(select({ select: ["fct_vendas"], exclude: ["test_type:singular"] })).toEqual(
        ids("fct_vendas", "t_relationships"),
      );
    });

    test("eager: excluding a model also excludes every test on it, multi-parent ones too", () => {
      expect(select({ select: ["+fct_vendas"], exclude: ["stg_veiculos"] })).toEqual(
        ids(
          "fct_vendas",
          "raw.vendas",
          "raw.veiculos",
          "vehicle_prices",
          "stg_vendas",
          "dim_veiculos",
          "t_not_null",
          "t_relationships",
          "t_singular",
          "t_source",
        ),
      );
      expect(select({ select: ["fct_vendas"], exclude: ["dim_veiculos"] })).toEqual(
        ids("fct_vendas", "t_singular"),
      );
    });

    test("cautious: excluding one parent of a multi-parent test keeps the test", () => {
      expect(
        select({
          select: ["fct_vendas dim_veiculos"],
          exclude: ["dim_veiculos"],
          indirectSelection: "cautious",
        }),
      ).toEqual(ids("fct_vendas", "t_relationships", "t_singular"));
    });

    test("empty: excluding a model leaves its tests selected", () => {
      expect(select({ exclude: ["stg_vendas"], indirectSelection: "empty" })).toContain(
        NODES.t_not_null.uniqueId,
      );
      expect(select({ exclude: ["stg_vendas"] })).not.toContain(NODES.t_not_null.uniqueId);
    });

    test("graph operators and intersections work in exclude too", () => {
      expect(select({ exclude: ["stg_veiculos+ tag:staging,resource_type:model"] })).toEqual(
        ids(
          "regions",
          "vehicle_prices",
          "calendar",
          "dim_regions",
          "rpt_regioes",
          "t_source",
          "t_seed",
        ),
      );
    });

    test("an unmatched exclude is reported like an unmatched select", () => {
      expect(resolveSelection(GRAPH, { select: ["stg_vendas"], exclude: ["nope"] })).toEqual({
        selected: ids("stg_vendas", "t_not_null"),
        unmatched: ["nope"],
      });
    });
  });

  describe("edges", () => {
    test("a parent missing from the node list is no edge, and cautious then holds the test back", () => {
      const nodes = GRAPH.filter((n) => n.uniqueId !== NODES.dim_veiculos.uniqueId);
      expect(selectNodes(nodes, { select: ["fct_vendas"] })).toContain(
        NODES.t_relationships.uniqueId,
      );
      expect(
        selectNodes(nodes, { select: ["fct_vendas"], indirectSelection: "cautious" }),
      ).not.toContain(NODES.t_relationships.uniqueId);
      expect(selectNodes(nodes, { select: ["+fct_vendas"] })).toEqual(
        selectNodes(nodes, { select: ["fct_vendas stg_vendas source:raw.vendas"] }),
      );
    });

    test("an empty node list selects nothing", () => {
      expect(selectNodes([], {})).toEqual([]);
      expect(selectNodes([], { select: ["tag:x+"] })).toEqual([]);
    });
  });

  describe("malformed selectors throw INVALID_SELECTOR, naming the selector and the form", () => {
    test.each<[string, string]>([
      [
        "foo:bar",
        'selector "foo:bar": unknown method "foo"; expected one of fqn, tag, path, file, package, config.<key>, resource_type, source, test_type',
      ],
      [
        "state:modified",
        'selector "state:modified": method "state" is not supported by this runner; expected one of fqn',
      ],
      ["tag:", 'selector "tag:": an empty value after "tag:"; expected tag:<value>'],
      [
        "config.materialized:",
        'an empty value after "config.materialized:"; expected config.materialized:<value>',
      ],
      [
        "x+y+",
        'selector "x+y+": "+" inside "x+y": graph operators go at either end, with a depth in digits only',
      ],
      ["stg_vendas+x", '"+" inside "stg_vendas+x"'],
      [
        "+",
        'selector "+": a graph operator with nothing to apply to; expected [@][N+]method:value[+N]',
      ],
      ["2+", 'selector "2+": a graph operator with nothing to apply to'],
      ["@", 'selector "@": a graph operator with nothing to apply to'],
      ["@stg_vendas+", 'selector "@stg_vendas+": "@" and a trailing "+" cannot be combined'],
      ["+@stg_vendas", 'selector "+@stg_vendas": "@" must come first; expected @name'],
      ["tag:a,,tag:b", 'selector "tag:a,,tag:b": an empty criterion beside ","'],
      ["tag:a,", 'selector "tag:a,": an empty criterion beside ","'],
      [
        "config:view",
        'selector "config:view": config needs a key; expected config.<key>:<value>, e.g. config.materialized:view',
      ],
      [
        "config.schema:audit",
        'selector "config.schema:audit": config key "schema" is not available to selection; expected one of config.materialized, config.tags',
      ],
      [
        "tag.x:nightly",
        'selector "tag.x:nightly": method "tag" takes no ".x"; expected tag:<value>',
      ],
      [
        "source:a.b.c.d",
        'selector "source:a.b.c.d": expected source:<source>, source:<source>.<table> or source:<package>.<source>.<table>',
      ],
      ["source:raw.", 'selector "source:raw.": expected source:<source>'],
      [
        "test_type:unit",
        'selector "test_type:unit": unknown test type "unit"; expected test_type:generic or test_type:singular',
      ],
      [
        "resource_type:modle",
        'selector "resource_type:modle": unknown resource type "modle"; expected one of model, seed',
      ],
    ])("%s", (selector, message) => {
      const run = (): string[] => select({ select: [selector] });
      expect(run).toThrow(TransformError);
      expect(run).toThrow(message);
      expect(run).toThrow(expect.objectContaining({ code: "INVALID_SELECTOR" }));
    });

    test("a blank selector is refused rather than read as everything or nothing", () => {
      expect(() => select({ select: ["  "] })).toThrow('selector "  ": the selector is empty');
    });

    test("a malformed exclude throws too, and names its part of a longer value", () => {
      expect(() => select({ exclude: ["stg_vendas tag:"] })).toThrow('selector "tag:"');
    });

    test("the error carries the selector in its details", () => {
      let caught: unknown;
      try {
        select({ select: ["foo:bar"] });
      } catch (error) {
        caught = error;
      }
      expect(caught).toMatchObject({ code: "INVALID_SELECTOR", details: { selector: "foo:bar" } });
    });
  });
});
