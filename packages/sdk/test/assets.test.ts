import {
  allOf,
  anyOf,
  Asset,
  assetUris,
  dag,
  EmptyOperator,
  isAssetConditionMet,
  serializeDag,
  task,
} from "../src";

const vendas = new Asset("snowflake://dw/raw/vendas");
const clientes = new Asset("snowflake://dw/raw/clientes");

describe("asset-driven scheduling", () => {
  test("a task declares the assets it updates; another DAG is scheduled on them", () => {
    const producer = serializeDag(
      dag({ dagId: "load", schedule: "@hourly" }, () => {
        task("load_vendas", () => 1, { outlets: [vendas] })();
        new EmptyOperator({ taskId: "load_clientes", outlets: [clientes] });
      }),
    );
    const consumer = serializeDag(dag({ dagId: "transform", schedule: [vendas, clientes] }));

    const updated = new Set(producer.dag.tasks.flatMap((t) => t.outlets.map((o) => o.uri)));
    expect([...updated].sort()).toEqual([
      "snowflake://dw/raw/clientes",
      "snowflake://dw/raw/vendas",
    ]);
    expect(consumer.dag.timetable.type).toBe("asset_triggered");
    expect(consumer.dag.timetable_summary).toBe("Asset");
    const condition = consumer.dag.schedule_assets!;
    expect(assetUris(condition)).toEqual([
      "snowflake://dw/raw/vendas",
      "snowflake://dw/raw/clientes",
    ]);
    expect(isAssetConditionMet(condition, updated)).toBe(true);
    expect(isAssetConditionMet(condition, new Set(["snowflake://dw/raw/vendas"]))).toBe(false);
  });

  test.each([
    [anyOf(vendas, clientes), ["snowflake://dw/raw/clientes"], true],
    [
      allOf(vendas, anyOf(clientes, new Asset("s3://x"))),
      ["snowflake://dw/raw/vendas", "s3://x"],
      true,
    ],
    [allOf(vendas, anyOf(clientes, new Asset("s3://x"))), ["s3://x"], false],
  ])("condition %j with updates %j → %s", (condition, uris, met) => {
    const d = serializeDag(dag({ dagId: "c", schedule: condition }));
    expect(isAssetConditionMet(d.dag.schedule_assets!, new Set(uris))).toBe(met);
  });

  test("an asset URI must be non-empty and without spaces", () => {
    expect(() => new Asset("not a uri")).toThrow(
      'asset.uri: expected a non-empty URI without spaces, got "not a uri"',
    );
  });
});
