// dbt snapshots (SCD type 2) from the fixture project `snapshots`, on DuckDB, Postgres and the
// local Snowflake: history over two changes (timestamp strategy), the check strategy with a
// column list and `all`, hard deletes (invalidate, new_record), a composite unique_key,
// dbt_scd_id's hash, dbt_valid_to_current, new source columns; then, on DuckDB, a run failing
// half-way and the snapshots that are refused.
import { createHash } from "node:crypto";
import path from "node:path";
import { DuckDbHook } from "@updraft/providers";
import { compileProject, loadProject, type SnapshotNode, takeSnapshot, Warehouse } from "../src";
import {
  duckDbWarehouse,
  openTestWarehouse,
  type TestWarehouse,
  WAREHOUSE_TYPES,
} from "./support/warehouses";

const PROJECT = compileProject(loadProject(path.join(__dirname, "fixtures", "snapshots")));

function snapshotNamed(name: string): SnapshotNode {
  const node = PROJECT.byName.get(name);
  if (node?.resourceType !== "snapshot") throw new Error(`the fixture has no snapshot ${name}`);
  return node;
}

const snap = (warehouse: Warehouse, name: string) =>
  takeSnapshot(PROJECT, warehouse, snapshotNamed(name));

type Row = Record<string, string | null>;

/** Rows with lower-cased keys and text values: Snowflake answers in upper case. */
async function rowsOf(warehouse: Warehouse, sql: string): Promise<Row[]> {
  const rows = await warehouse.execute(sql);
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [
        k.toLowerCase(),
        v === null || v === undefined ? null : String(v as string),
      ]),
    ),
  );
}

const ts = (text: string) => `cast('${text}' as timestamp)`;

async function createProducts(warehouse: Warehouse): Promise<void> {
  await warehouse.execute("create schema if not exists stage");
  await warehouse.execute(
    "create table stage.products (id integer, name varchar(40), price decimal(10,2), updated_at timestamp)",
  );
  await warehouse.execute(
    `insert into stage.products values
       (1, 'Widget', 10.00, ${ts("2024-01-01 10:00:00")}),
       (2, 'Gadget', 20.00, ${ts("2024-01-01 11:00:00")})`,
  );
}

/** id, price and validity of every version, oldest first. */
const historyOf = (warehouse: Warehouse, table: string) =>
  rowsOf(
    warehouse,
    `select cast(id as varchar) as id, cast(price as varchar) as price,
       cast(dbt_valid_from as varchar) as valid_from, cast(dbt_valid_to as varchar) as valid_to
     from snapshots.${table} order by id, dbt_valid_from`,
  );

/** The whole table, as text, for "nothing changed" comparisons. */
const contentsOf = (warehouse: Warehouse, table: string) =>
  rowsOf(
    warehouse,
    `select dbt_scd_id, cast(id as varchar) as id, cast(dbt_valid_to as varchar) as valid_to
     from snapshots.${table} order by dbt_scd_id`,
  );

/** The staging tables a run leaves behind (none, when it is done). */
const leftovers = (warehouse: Warehouse) =>
  rowsOf(
    warehouse,
    `select table_name from information_schema.tables
     where lower(table_name) like '%dbt_source' or lower(table_name) like '%dbt_tmp'`,
  );

const md5 = (text: string) => createHash("md5").update(text).digest("hex");

describe.each(WAREHOUSE_TYPES)("snapshots on %s", (type) => {
  let opened: TestWarehouse;
  let warehouse: Warehouse;
  beforeAll(async () => {
    opened = await openTestWarehouse(type);
    warehouse = opened.warehouse;
  }, 60_000);
  afterAll(() => opened.close());
  beforeEach(async () => {
    for (const schema of ["stage", "snapshots"])
      await warehouse.execute(`drop schema if exists ${schema} cascade`);
    await createProducts(warehouse);
  });

  test("the timestamp strategy records a version per change; an idle run changes nothing", async () => {
    expect(await snap(warehouse, "products_by_time")).toMatchObject({
      message: "SNAPSHOT 2",
      rowsAffected: 2,
    });
    expect(await historyOf(warehouse, "products_by_time")).toEqual([
      { id: "1", price: "10.00", valid_from: "2024-01-01 10:00:00", valid_to: null },
      { id: "2", price: "20.00", valid_from: "2024-01-01 11:00:00", valid_to: null },
    ]);

    await warehouse.execute(
      `update stage.products set price = 12.50, updated_at = ${ts("2024-02-01 09:00:00")} where id = 1`,
    );
    // One new version inserted, one old version closed.
    expect((await snap(warehouse, "products_by_time")).message).toBe("SNAPSHOT 2");
    await warehouse.execute(
      `update stage.products set price = 15.00, updated_at = ${ts("2024-03-01 08:30:00")} where id = 1`,
    );
    expect((await snap(warehouse, "products_by_time")).rowsAffected).toBe(2);
    expect(await historyOf(warehouse, "products_by_time")).toEqual([
      {
        id: "1",
        price: "10.00",
        valid_from: "2024-01-01 10:00:00",
        valid_to: "2024-02-01 09:00:00",
      },
      {
        id: "1",
        price: "12.50",
        valid_from: "2024-02-01 09:00:00",
        valid_to: "2024-03-01 08:30:00",
      },
      { id: "1", price: "15.00", valid_from: "2024-03-01 08:30:00", valid_to: null },
      { id: "2", price: "20.00", valid_from: "2024-01-01 11:00:00", valid_to: null },
    ]);

    const before = await contentsOf(warehouse, "products_by_time");
    expect(await snap(warehouse, "products_by_time")).toMatchObject({
      message: "SNAPSHOT 0",
      rowsAffected: 0,
    });
    expect(await contentsOf(warehouse, "products_by_time")).toEqual(before);
    expect(await leftovers(warehouse)).toEqual([]);
  });

  test("the first run creates the target schema and the table with dbt's columns", async () => {
    await snap(warehouse, "products_by_time");
    const columns = await warehouse.columnsOf({
      database: warehouse.target.database,
      schema: warehouse.dialect.catalogName("snapshots"),
      identifier: warehouse.dialect.catalogName("products_by_time"),
    });
    expect(columns.map((c) => c.name.toLowerCase())).toEqual([
      "id",
      "name",
      "price",
      "updated_at",
      "dbt_scd_id",
      "dbt_updated_at",
      "dbt_valid_from",
      "dbt_valid_to",
    ]);
    expect(await leftovers(warehouse)).toEqual([]);
  });

  test("dbt_scd_id is md5 of 'key|updated_at'", async () => {
    await snap(warehouse, "products_by_time");
    expect(
      await rowsOf(
        warehouse,
        "select dbt_scd_id, cast(dbt_updated_at as varchar) as updated from snapshots.products_by_time order by id",
      ),
    ).toEqual([
      { dbt_scd_id: md5("1|2024-01-01 10:00:00"), updated: "2024-01-01 10:00:00" },
      { dbt_scd_id: md5("2|2024-01-01 11:00:00"), updated: "2024-01-01 11:00:00" },
    ]);
  });

  test("the timestamp strategy ignores a change that does not move updated_at", async () => {
    await snap(warehouse, "products_by_time");
    await warehouse.execute("update stage.products set price = 99 where id = 1");
    expect((await snap(warehouse, "products_by_time")).rowsAffected).toBe(0);
  });

  test("a new key gets its first version; a new source column is added to the table", async () => {
    await snap(warehouse, "products_by_time");
    await warehouse.execute("alter table stage.products add column colour varchar(10)");
    await warehouse.execute(
      `insert into stage.products values (3, 'Doohickey', 5.00, ${ts("2024-01-05 00:00:00")}, 'red')`,
    );
    expect((await snap(warehouse, "products_by_time")).message).toBe("SNAPSHOT 1");
    expect(
      await rowsOf(
        warehouse,
        "select cast(id as varchar) as id, colour from snapshots.products_by_time order by id",
      ),
    ).toEqual([
      { id: "1", colour: null },
      { id: "2", colour: null },
      { id: "3", colour: "red" },
    ]);
  });

  test("dbt_valid_to_current: current versions hold it instead of NULL", async () => {
    await snap(warehouse, "products_open_ended");
    await warehouse.execute(
      `update stage.products set price = 11, updated_at = ${ts("2024-02-01 00:00:00")} where id = 1`,
    );
    expect((await snap(warehouse, "products_open_ended")).rowsAffected).toBe(2);
    expect(await historyOf(warehouse, "products_open_ended")).toEqual([
      {
        id: "1",
        price: "10.00",
        valid_from: "2024-01-01 10:00:00",
        valid_to: "2024-02-01 00:00:00",
      },
      {
        id: "1",
        price: "11.00",
        valid_from: "2024-02-01 00:00:00",
        valid_to: "9999-12-31 00:00:00",
      },
      {
        id: "2",
        price: "20.00",
        valid_from: "2024-01-01 11:00:00",
        valid_to: "9999-12-31 00:00:00",
      },
    ]);
    expect((await snap(warehouse, "products_open_ended")).rowsAffected).toBe(0);
  });

  describe("the check strategy", () => {
    test("with check_cols, a version per change of a listed column, dated by the snapshot time", async () => {
      const started = new Date(Date.now() - 1000).toISOString().replace("T", " ").slice(0, 19);
      await snap(warehouse, "products_checked");
      // updated_at is not a checked column: no new version.
      await warehouse.execute(
        `update stage.products set updated_at = ${ts("2024-06-01 00:00:00")} where id = 2`,
      );
      expect((await snap(warehouse, "products_checked")).rowsAffected).toBe(0);
      await warehouse.execute("update stage.products set price = null where id = 1");
      expect((await snap(warehouse, "products_checked")).message).toBe("SNAPSHOT 2");
      const history = await historyOf(warehouse, "products_checked");
      expect(history.map((r) => [r.id, r.price])).toEqual([
        ["1", "10.00"],
        ["1", null],
        ["2", "20.00"],
      ]);
      const [old, current] = history;
      expect(old!.valid_to).toBe(current!.valid_from);
      expect(old!.valid_from! < current!.valid_from!).toBe(true);
      expect(old!.valid_from! >= started).toBe(true);
      expect(current!.valid_to).toBeNull();
      // NULL to NULL is no change.
      expect((await snap(warehouse, "products_checked")).rowsAffected).toBe(0);
    });

    test("check_cols: all compares every column, and a new column is a change of every row", async () => {
      await snap(warehouse, "products_checked_all");
      await warehouse.execute(
        `update stage.products set updated_at = ${ts("2024-06-01 00:00:00")} where id = 2`,
      );
      expect((await snap(warehouse, "products_checked_all")).rowsAffected).toBe(2);
      expect((await snap(warehouse, "products_checked_all")).rowsAffected).toBe(0);
      await warehouse.execute("alter table stage.products add column colour varchar");
      // Both current rows are closed and get a new version.
      expect((await snap(warehouse, "products_checked_all")).rowsAffected).toBe(4);
      const current = await rowsOf(
        warehouse,
        "select cast(id as varchar) as id, colour from snapshots.products_checked_all where dbt_valid_to is null order by id",
      );
      expect(current).toEqual([
        { id: "1", colour: null },
        { id: "2", colour: null },
      ]);
      await warehouse.execute("update stage.products set colour = 'blue' where id = 1");
      expect((await snap(warehouse, "products_checked_all")).rowsAffected).toBe(2);
      expect((await snap(warehouse, "products_checked_all")).rowsAffected).toBe(0);
    });
  });

  describe("hard deletes", () => {
    test("invalidate closes the current version of a vanished key, once", async () => {
      await snap(warehouse, "products_invalidated");
      await warehouse.execute("delete from stage.products where id = 2");
      expect((await snap(warehouse, "products_invalidated")).message).toBe("SNAPSHOT 1");
      const [kept, gone] = await historyOf(warehouse, "products_invalidated");
      expect(kept).toMatchObject({ id: "1", valid_to: null });
      expect(gone).toMatchObject({ id: "2", valid_from: "2024-01-01 11:00:00" });
      expect(gone!.valid_to).not.toBeNull();
      expect((await snap(warehouse, "products_invalidated")).rowsAffected).toBe(0);
      // The key comes back: a new current version.
      await warehouse.execute(
        `insert into stage.products values (2, 'Gadget', 21.00, ${ts("2024-04-01 00:00:00")})`,
      );
      expect((await snap(warehouse, "products_invalidated")).rowsAffected).toBe(1);
      expect((await historyOf(warehouse, "products_invalidated")).at(-1)).toEqual({
        id: "2",
        price: "21.00",
        valid_from: "2024-04-01 00:00:00",
        valid_to: null,
      });
    });

    test("new_record closes the vanished key's version and records a deletion row", async () => {
      const deletion = () =>
        rowsOf(
          warehouse,
          `select cast(id as varchar) as id, name, dbt_is_deleted,
             cast(dbt_valid_to as varchar) as valid_to
           from snapshots.products_deletion_records order by id, dbt_valid_from`,
        );
      await snap(warehouse, "products_deletion_records");
      expect((await deletion()).map((r) => r.dbt_is_deleted)).toEqual(["False", "False"]);
      await warehouse.execute("delete from stage.products where id = 2");
      // The old version closed, the deletion row inserted.
      expect((await snap(warehouse, "products_deletion_records")).rowsAffected).toBe(2);
      const rows = await deletion();
      expect(rows.map(({ valid_to: _, ...r }) => r)).toEqual([
        { id: "1", name: "Widget", dbt_is_deleted: "False" },
        { id: "2", name: "Gadget", dbt_is_deleted: "False" },
        { id: "2", name: "Gadget", dbt_is_deleted: "True" },
      ]);
      expect(rows[1]!.valid_to).not.toBeNull();
      expect(rows[2]!.valid_to).toBeNull();
      const [closed, deleted] = await rowsOf(
        warehouse,
        `select cast(dbt_valid_to as varchar) as valid_to, cast(dbt_valid_from as varchar) as valid_from
         from snapshots.products_deletion_records where id = 2 order by dbt_valid_from`,
      );
      expect(closed!.valid_to).toBe(deleted!.valid_from);
      expect((await snap(warehouse, "products_deletion_records")).rowsAffected).toBe(0);
      // The key comes back: the deletion row is closed and a live version follows it.
      await warehouse.execute(
        `insert into stage.products values (2, 'Gadget', 21.00, ${ts("2024-04-01 00:00:00")})`,
      );
      expect((await snap(warehouse, "products_deletion_records")).rowsAffected).toBe(2);
      const current = await rowsOf(
        warehouse,
        `select cast(id as varchar) as id, cast(price as varchar) as price, dbt_is_deleted
         from snapshots.products_deletion_records where dbt_valid_to is null order by id`,
      );
      expect(current).toEqual([
        { id: "1", price: "10.00", dbt_is_deleted: "False" },
        { id: "2", price: "21.00", dbt_is_deleted: "False" },
      ]);
    });
  });

  test("a composite unique_key: versions per (store_id, product_id), hashed 'store|product|counted_at'", async () => {
    await warehouse.execute(
      "create table stage.stock (store_id integer, product_id integer, quantity integer, counted_at timestamp)",
    );
    await warehouse.execute(
      `insert into stage.stock values
         (1, 10, 5, ${ts("2024-01-01 00:00:00")}),
         (2, 10, 7, ${ts("2024-01-01 00:00:00")}),
         (1, 11, 3, ${ts("2024-01-01 00:00:00")})`,
    );
    expect((await snap(warehouse, "stock_levels")).rowsAffected).toBe(3);
    await warehouse.execute(
      `update stage.stock set quantity = 4, counted_at = ${ts("2024-01-02 00:00:00")}
       where store_id = 2 and product_id = 10`,
    );
    expect((await snap(warehouse, "stock_levels")).rowsAffected).toBe(2);
    const md5 = (text: string) => createHash("md5").update(text).digest("hex");
    expect(
      await rowsOf(
        warehouse,
        `select cast(store_id as varchar) as store, cast(product_id as varchar) as product,
           cast(quantity as varchar) as quantity, dbt_scd_id,
           cast(dbt_valid_to as varchar) as valid_to
         from snapshots.stock_levels order by store_id, product_id, dbt_valid_from`,
      ),
    ).toEqual([
      {
        store: "1",
        product: "10",
        quantity: "5",
        dbt_scd_id: md5("1|10|2024-01-01 00:00:00"),
        valid_to: null,
      },
      {
        store: "1",
        product: "11",
        quantity: "3",
        dbt_scd_id: md5("1|11|2024-01-01 00:00:00"),
        valid_to: null,
      },
      {
        store: "2",
        product: "10",
        quantity: "7",
        dbt_scd_id: md5("2|10|2024-01-01 00:00:00"),
        valid_to: "2024-01-02 00:00:00",
      },
      {
        store: "2",
        product: "10",
        quantity: "4",
        dbt_scd_id: md5("2|10|2024-01-02 00:00:00"),
        valid_to: null,
      },
    ]);
    expect((await snap(warehouse, "stock_levels")).rowsAffected).toBe(0);
  });
});

describe("a failed snapshot run", () => {
  test("leaves the snapshot as it was, and no staging table", async () => {
    const hook = await DuckDbHook.open(":memory:");
    let failInsert = false;
    const failing = new Warehouse(
      {
        dialect: "duckdb",
        run: (sql, values) =>
          failInsert && sql.startsWith("insert into")
            ? Promise.reject(new Error("the connection dropped"))
            : hook.all(sql, values),
        close: () => Promise.resolve(hook.close()),
      },
      { name: "test", database: null, schema: "analytics" },
    );
    try {
      await createProducts(failing);
      await snap(failing, "products_by_time");
      const before = await contentsOf(failing, "products_by_time");
      await failing.execute(
        `update stage.products set price = 1, updated_at = ${ts("2024-05-01 00:00:00")} where id = 1`,
      );
      failInsert = true;
      await expect(snap(failing, "products_by_time")).rejects.toThrow("the connection dropped");
      failInsert = false;
      // The old version is not closed without its successor.
      expect(await contentsOf(failing, "products_by_time")).toEqual(before);
      expect(await leftovers(failing)).toEqual([]);
      expect((await snap(failing, "products_by_time")).rowsAffected).toBe(2);
    } finally {
      await failing.close();
    }
  });
});

describe("a snapshot that cannot be taken", () => {
  let warehouse: Warehouse;
  beforeEach(async () => {
    warehouse = await duckDbWarehouse();
    await createProducts(warehouse);
  });
  afterEach(() => warehouse.close());

  const withConfig = (name: string, config: Partial<SnapshotNode["config"]>): SnapshotNode => {
    const node = snapshotNamed(name);
    return { ...node, config: { ...node.config, ...config } };
  };

  test("names the unique_key or check column the select does not have", async () => {
    await expect(
      takeSnapshot(PROJECT, warehouse, withConfig("products_by_time", { uniqueKey: ["sku"] })),
    ).rejects.toMatchObject({
      code: "INVALID_PROJECT",
      message: expect.stringContaining(
        "snapshots/products_history.sql: snapshot products_by_time: config unique_key: sku is not a column",
      ) as unknown,
    });
    await expect(
      takeSnapshot(PROJECT, warehouse, withConfig("products_checked", { checkCols: ["colour"] })),
    ).rejects.toMatchObject({
      message: expect.stringContaining("config check_cols: colour is not a column") as unknown,
    });
  });

  test("refuses a view or a table that is not a snapshot in its place", async () => {
    await warehouse.execute("create schema snapshots");
    await warehouse.execute("create view snapshots.products_by_time as select 1 as id");
    await expect(snap(warehouse, "products_by_time")).rejects.toThrow(
      '"snapshots"."products_by_time" is a view',
    );
    await warehouse.execute("drop view snapshots.products_by_time");
    await warehouse.execute("create table snapshots.products_by_time (id integer)");
    await expect(snap(warehouse, "products_by_time")).rejects.toThrow("has no column dbt_scd_id");
  });
});
