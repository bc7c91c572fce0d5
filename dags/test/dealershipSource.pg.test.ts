// The dealership source database on a real Postgres: the seven tables as DEALERSHIP.md 2.1 has
// them, the reference data of 2.2, sales and updates as the live source makes them, and the
// generator's rate and stop. Each test works in a schema of its own.
import path from "node:path";
import { listDagFiles, loadDagBag } from "@updraft/runtime";
import {
  applyUpdates,
  createRng,
  createSourceSchema,
  insertSales,
  type GeneratorTick,
  runGenerator,
  seedReferenceData,
  VEICULOS,
} from "../dealership/source";
import type pg from "pg";
import { useSourceDatabase } from "./support/sourceDatabase";

const sourceDb = useSourceDatabase({ seeded: false });

/** A schema with the tables and the reference data. */
async function seededSchema(schema: string): Promise<string> {
  await createSourceSchema(sourceDb().pool, { schema });
  await seedReferenceData(sourceDb().pool, { schema });
  return schema;
}

async function rows<R extends pg.QueryResultRow>(sql: string, values: unknown[] = []) {
  return (await sourceDb().pool.query<R>(sql, values)).rows;
}

async function count(schema: string, table: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    `select count(*)::integer as n from "${schema}"."${table}"`,
  );
  return row!.n;
}

describe("createSourceSchema", () => {
  test("creates the seven tables with the columns, types and NOT NULLs of the live source", async () => {
    await createSourceSchema(sourceDb().pool, { schema: "layout" });
    const columns = await rows<{ table_name: string; cols: string }>(
      `select table_name,
              string_agg(column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                         || coalesce('(' || numeric_precision || ',' || numeric_scale || ')', '')
                         || case when is_nullable = 'NO' then ' not null' else '' end,
                         ', ' order by ordinal_position) as cols
         from information_schema.columns where table_schema = 'layout'
        group by table_name order by table_name`,
    );
    const ts = "timestamp with time zone not null";
    expect(Object.fromEntries(columns.map((c) => [c.table_name, c.cols]))).toEqual({
      estados: `id_estados integer(32,0) not null, estado character varying(100) not null, sigla character(2) not null, data_inclusao ${ts}, data_atualizacao ${ts}`,
      cidades: `id_cidades integer(32,0) not null, cidade character varying(255) not null, id_estados integer(32,0) not null, data_inclusao ${ts}, data_atualizacao ${ts}`,
      concessionarias: `id_concessionarias integer(32,0) not null, concessionaria character varying(255) not null, id_cidades integer(32,0) not null, data_inclusao ${ts}, data_atualizacao ${ts}`,
      vendedores: `id_vendedores integer(32,0) not null, nome character varying(255) not null, id_concessionarias integer(32,0) not null, data_inclusao ${ts}, data_atualizacao ${ts}`,
      clientes: `id_clientes integer(32,0) not null, cliente character varying(255) not null, endereco text not null, id_concessionarias integer(32,0) not null, data_inclusao ${ts}, data_atualizacao ${ts}`,
      veiculos: `id_veiculos integer(32,0) not null, nome character varying(255) not null, tipo character varying(100) not null, valor numeric(10,2) not null, data_atualizacao ${ts}, data_inclusao ${ts}`,
      vendas: `id_vendas integer(32,0) not null, id_veiculos integer(32,0) not null, id_concessionarias integer(32,0) not null, id_vendedores integer(32,0) not null, id_clientes integer(32,0) not null, valor_pago numeric(10,2) not null, data_venda timestamp with time zone, data_inclusao ${ts}, data_atualizacao ${ts}`,
    });
  });

  test("gives every table an id sequence named <table>_<pk>_seq, a trigger and a data_atualizacao index", async () => {
    await createSourceSchema(sourceDb().pool, { schema: "objects" });
    const tables = [
      "cidades",
      "clientes",
      "concessionarias",
      "estados",
      "veiculos",
      "vendas",
      "vendedores",
    ];
    const sequences = await rows<{ table: string; seq: string }>(
      `select t as table, pg_get_serial_sequence('objects.' || t, 'id_' || t) as seq
         from unnest($1::text[]) as t order by t`,
      [tables],
    );
    expect(sequences.map((s) => s.seq)).toEqual(tables.map((t) => `objects.${t}_id_${t}_seq`));
    const triggers = await rows<{ relname: string }>(
      `select c.relname from pg_trigger g join pg_class c on c.oid = g.tgrelid
         join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'objects' and not g.tgisinternal order by 1`,
    );
    expect(triggers.map((t) => t.relname)).toEqual(tables);
    const indexes = await rows<{ indexdef: string }>(
      `select indexdef from pg_indexes where schemaname = 'objects' and indexname like '%data_atualizacao%' order by tablename`,
    );
    expect(indexes).toHaveLength(7);
    expect(indexes[0]!.indexdef).toContain("(data_atualizacao, id_cidades)");
  });

  test("is idempotent: a second run, even with data in the tables, changes nothing", async () => {
    const schema = await seededSchema("twice");
    await insertSales(sourceDb().pool, { schema, count: 3, rng: createRng(1) });
    await createSourceSchema(sourceDb().pool, { schema });
    await createSourceSchema(sourceDb().pool, { schema });
    expect(await count(schema, "vendas")).toBe(3);
    const [{ n }] = (await rows<{ n: number }>(
      `select count(*)::integer as n from information_schema.tables where table_schema = 'twice'`,
    )) as [{ n: number }];
    expect(n).toBe(7);
  });

  test("runs concurrently against one schema without racing", async () => {
    await Promise.all(
      [1, 2, 3].map(() => createSourceSchema(sourceDb().pool, { schema: "racing" })),
    );
    expect(await count("racing", "estados")).toBe(0);
  });

  test("quotes the schema name: an odd name is a name, not SQL", async () => {
    const schema = 'odd "name"; drop table x';
    await seededSchema(schema);
    expect(await count(schema.replace(/"/g, '""'), "estados")).toBe(27);
  });
});

describe("seedReferenceData", () => {
  test("inserts the reference data of DEALERSHIP.md 2.2, with exact counts", async () => {
    await createSourceSchema(sourceDb().pool, { schema: "seed" });
    const seeded = await seedReferenceData(sourceDb().pool, { schema: "seed" });
    expect(seeded).toEqual({
      estados: 27,
      cidades: 27,
      concessionarias: 29,
      vendedores: 53,
      veiculos: 8,
    });
    for (const [table, n] of Object.entries(seeded)) expect(await count("seed", table)).toBe(n);
  });

  test("states have ids in alphabetical order of name, with their siglas", async () => {
    const estados = await rows<{ id_estados: number; estado: string; sigla: string }>(
      "select id_estados, estado, sigla from seed.estados order by id_estados",
    );
    expect(estados.slice(0, 5).map((e) => `${e.id_estados} ${e.estado}/${e.sigla}`)).toEqual([
      "1 Acre/AC",
      "2 Alagoas/AL",
      "3 Amapá/AP",
      "4 Amazonas/AM",
      "5 Bahia/BA",
    ]);
    expect(estados[6]).toMatchObject({ id_estados: 7, estado: "Distrito Federal", sigla: "DF" });
    expect(estados[24]).toMatchObject({ id_estados: 25, estado: "São Paulo", sigla: "SP" });
    expect(estados[26]).toMatchObject({ id_estados: 27, estado: "Tocantins", sigla: "TO" });
    const names = estados.map((e) => e.estado);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "pt-BR")));
  });

  test("capitals share their state's id, and dealerships are named for them", async () => {
    const cidades = await rows<{ id_cidades: number; cidade: string; id_estados: number }>(
      "select id_cidades, cidade, id_estados from seed.cidades order by id_cidades",
    );
    expect(cidades.every((c) => c.id_cidades === c.id_estados)).toBe(true);
    expect([cidades[0]!.cidade, cidades[4]!.cidade, cidades[24]!.cidade]).toEqual([
      "Rio Branco",
      "Salvador",
      "São Paulo",
    ]);
    const concessionarias = await rows<{
      id_concessionarias: number;
      concessionaria: string;
      id_cidades: number;
    }>(
      "select id_concessionarias, concessionaria, id_cidades from seed.concessionarias order by 1",
    );
    expect(concessionarias[0]).toEqual({
      id_concessionarias: 1,
      concessionaria: "Concessionária NovaDrive Motors Rio Branco",
      id_cidades: 1,
    });
    expect(concessionarias.slice(27)).toEqual([
      {
        id_concessionarias: 28,
        concessionaria: "Concessionária NovaDrive Motors São Paulo Centro",
        id_cidades: 25,
      },
      {
        id_concessionarias: 29,
        concessionaria: "Concessionária NovaDrive Motors Rio de Janeiro Centro",
        id_cidades: 19,
      },
    ]);
  });

  test("the eight vehicles carry their types and list prices", async () => {
    const veiculos = await rows<{ id_veiculos: number; nome: string; tipo: string; valor: string }>(
      "select id_veiculos, nome, tipo, valor from seed.veiculos order by 1",
    );
    expect(veiculos.map((v) => `${v.id_veiculos} ${v.nome}, ${v.tipo}, ${v.valor}`)).toEqual([
      "1 AgileXplorer, SUV Compacta, 250000.00",
      "2 VoyageRoamer, SUV Média, 350000.00",
      "3 EcoPrestige, SUV Premium Híbrida, 500000.00",
      "4 WorkMaster, Camionete Média, 280000.00",
      "5 DoubleDuty, Camionete Cabine Dupla, 320000.00",
      "6 SpeedFury, Superesportivo, 800000.00",
      "7 TrailConqueror, Off-road, 400000.00",
      "8 ElegantCruise, Sedã, 300000.00",
    ]);
  });

  test("53 salespeople: ids 1–5 as the dumps name them, in dealership 25; every dealership staffed", async () => {
    const vendedores = await rows<{
      id_vendedores: number;
      nome: string;
      id_concessionarias: number;
    }>("select id_vendedores, nome, id_concessionarias from seed.vendedores order by 1");
    expect(vendedores.map((v) => v.id_vendedores)).toEqual(
      Array.from({ length: 53 }, (_, i) => i + 1),
    );
    expect(vendedores.slice(0, 5)).toEqual([
      { id_vendedores: 1, nome: "Paulo Fernandes", id_concessionarias: 25 },
      { id_vendedores: 2, nome: "Mariana Silva", id_concessionarias: 25 },
      { id_vendedores: 3, nome: "Carlos Eduardo", id_concessionarias: 25 },
      { id_vendedores: 4, nome: "Fernanda Gomes", id_concessionarias: 25 },
      { id_vendedores: 5, nome: "Ricardo Almeida", id_concessionarias: 25 },
    ]);
    expect(new Set(vendedores.map((v) => v.id_concessionarias)).size).toBe(29);
    expect(new Set(vendedores.map((v) => v.nome)).size).toBe(53);
  });

  test("reference rows carry the live source's creation time", async () => {
    const [row] = await rows<{ data_inclusao: Date; data_atualizacao: Date }>(
      "select data_inclusao, data_atualizacao from seed.estados where id_estados = 1",
    );
    expect(row!.data_inclusao.toISOString()).toBe("2024-01-28T19:58:00.000Z");
    expect(row!.data_atualizacao.toISOString()).toBe("2024-01-28T19:58:00.000Z");
  });

  test("is idempotent: inserts only what is missing, by id, and leaves the rest as it is", async () => {
    const schema = await seededSchema("reseed");
    await sourceDb().pool.query(`update reseed.veiculos set valor = 123.45 where id_veiculos = 1`);
    await sourceDb().pool.query(`delete from reseed.vendedores where id_vendedores in (52, 53)`);
    expect(await seedReferenceData(sourceDb().pool, { schema })).toEqual({
      estados: 0,
      cidades: 0,
      concessionarias: 0,
      vendedores: 2,
      veiculos: 0,
    });
    expect(await count(schema, "vendedores")).toBe(53);
    const [v] = await rows<{ valor: string }>(
      "select valor from reseed.veiculos where id_veiculos = 1",
    );
    expect(v!.valor).toBe("123.45");
  });

  test("keeps each id sequence past the seeded ids, so new rows get fresh ids", async () => {
    const schema = await seededSchema("sequences");
    const [estado] = await rows<{ id_estados: number }>(
      "insert into sequences.estados (estado, sigla) values ('Guanabara', 'GB') returning id_estados",
    );
    expect(estado!.id_estados).toBe(28);
    const [vendedor] = await rows<{ id_vendedores: number }>(
      "insert into sequences.vendedores (nome, id_concessionarias) values ('Nova Pessoa', 1) returning id_vendedores",
    );
    expect(vendedor!.id_vendedores).toBe(54);
    await sourceDb().pool.query("delete from sequences.estados where id_estados = 28");
    await seedReferenceData(sourceDb().pool, { schema }); // max id 27 now: the sequence must not move back
    const [next] = await rows<{ id_estados: number }>(
      "insert into sequences.estados (estado, sigla) values ('Acre Novo', 'AN') returning id_estados",
    );
    expect(next!.id_estados).toBe(29);
  });
});

describe("foreign keys", () => {
  test.each([
    ["cidades", "insert into fk.cidades (cidade, id_estados) values ('Nowhere', 99)"],
    [
      "concessionarias",
      "insert into fk.concessionarias (concessionaria, id_cidades) values ('X', 99)",
    ],
    ["vendedores", "insert into fk.vendedores (nome, id_concessionarias) values ('X', 99)"],
    [
      "clientes",
      "insert into fk.clientes (cliente, endereco, id_concessionarias) values ('X', 'Rua X, 1', 99)",
    ],
    [
      "vendas",
      "insert into fk.vendas (id_veiculos, id_concessionarias, id_vendedores, id_clientes, valor_pago) values (99, 1, 1, 1, 1)",
    ],
  ])("are enforced on %s", async (_table, sql) => {
    await seededSchema("fk");
    await expect(sourceDb().pool.query(sql)).rejects.toMatchObject({ code: "23503" });
  });

  test("refuse to delete a vehicle that has sales", async () => {
    const schema = await seededSchema("fk_delete");
    const { idVendas } = await insertSales(sourceDb().pool, {
      schema,
      count: 1,
      rng: createRng(3),
    });
    const [sale] = await rows<{ id_veiculos: number }>(
      "select id_veiculos from fk_delete.vendas where id_vendas = $1",
      [idVendas[0]],
    );
    await expect(
      sourceDb().pool.query("delete from fk_delete.veiculos where id_veiculos = $1", [
        sale!.id_veiculos,
      ]),
    ).rejects.toMatchObject({ code: "23503" });
  });
});

interface SaleRow {
  id_vendas: number;
  id_veiculos: number;
  id_concessionarias: number;
  id_vendedores: number;
  id_clientes: number;
  valor_pago: string;
  data_venda: Date;
  data_inclusao: Date;
  data_atualizacao: Date;
  cliente: string;
  endereco: string;
  cliente_concessionaria: number;
  vendedor_concessionaria: number;
  valor: string;
}

async function salesOf(schema: string): Promise<SaleRow[]> {
  return rows<SaleRow>(
    `select v.*, c.cliente, c.endereco, c.id_concessionarias as cliente_concessionaria,
            s.id_concessionarias as vendedor_concessionaria, e.valor
       from "${schema}".vendas v
       join "${schema}".clientes c using (id_clientes)
       join "${schema}".vendedores s using (id_vendedores)
       join "${schema}".veiculos e using (id_veiculos)
      order by v.id_vendas`,
  );
}

describe("insertSales", () => {
  test("a batch of N sales inserts N vendas and N new clientes, one client per sale", async () => {
    const schema = await seededSchema("batch");
    const inserted = await insertSales(sourceDb().pool, { schema, count: 250, rng: createRng(7) });
    expect(inserted.idVendas).toHaveLength(250);
    expect(inserted.idClientes).toHaveLength(250);
    expect(await count(schema, "vendas")).toBe(250);
    expect(await count(schema, "clientes")).toBe(250);
    const sales = await salesOf(schema);
    expect(new Set(sales.map((s) => s.id_clientes)).size).toBe(250);
    expect(sales.map((s) => s.id_clientes)).toEqual(inserted.idClientes);
  });

  test("each sale is made by a salesperson of its dealership, to a client of that dealership", async () => {
    for (const sale of await salesOf("batch")) {
      expect(sale.vendedor_concessionaria).toBe(sale.id_concessionarias);
      expect(sale.cliente_concessionaria).toBe(sale.id_concessionarias);
    }
  });

  test("valor_pago is 1–5 % below the vehicle's list price, to the centavo", async () => {
    for (const sale of await salesOf("batch")) {
      const discount = 1 - Number(sale.valor_pago) / Number(sale.valor);
      expect(discount).toBeGreaterThanOrEqual(0.01);
      expect(discount).toBeLessThanOrEqual(0.05);
      expect(sale.valor_pago).toMatch(/^\d+\.\d{2}$/);
    }
  });

  test("data_venda, data_inclusao and data_atualizacao are equal, as in the live source", async () => {
    const sales = await salesOf("batch");
    for (const sale of sales) {
      expect(sale.data_venda).toEqual(sale.data_inclusao);
      expect(sale.data_atualizacao).toEqual(sale.data_inclusao);
    }
    expect(Math.abs(sales[0]!.data_venda.getTime() - Date.now())).toBeLessThan(60_000);
  });

  test("clients have Brazilian full names and street addresses", async () => {
    for (const sale of (await salesOf("batch")).slice(0, 50)) {
      expect(sale.cliente).toMatch(/^\p{Lu}\p{Ll}+( \p{L}+){1,4}$/u);
      expect(sale.endereco).toMatch(/^\p{Lu}\p{Ll}+ .+, \d{1,4}$/u);
    }
  });

  test("more sales than one statement holds are split into batches", async () => {
    const schema = await seededSchema("big");
    const inserted = await insertSales(sourceDb().pool, {
      schema,
      count: 5_001,
      rng: createRng(8),
    });
    expect(inserted.idVendas).toHaveLength(5_001);
    expect(await count(schema, "vendas")).toBe(5_001);
  });

  test("data_venda is `now` when given", async () => {
    const schema = await seededSchema("given_now");
    const now = new Date("2024-02-02T13:14:15.000Z");
    await insertSales(sourceDb().pool, { schema, count: 2, rng: createRng(9), now });
    for (const sale of await salesOf(schema)) expect(sale.data_venda).toEqual(now);
  });

  test("is deterministic: the same seed gives the same rows", async () => {
    const now = new Date("2024-02-02T10:00:00.000Z");
    const picked = async (schema: string) => {
      await seededSchema(schema);
      await insertSales(sourceDb().pool, { schema, count: 40, rng: createRng("same seed"), now });
      return (await salesOf(schema)).map(
        ({ data_inclusao: _i, data_atualizacao: _a, ...sale }) => sale,
      );
    };
    const first = await picked("seed_a");
    expect(await picked("seed_b")).toEqual(first);
    await seededSchema("seed_c");
    await insertSales(sourceDb().pool, {
      schema: "seed_c",
      count: 40,
      rng: createRng("other seed"),
      now,
    });
    expect((await salesOf("seed_c")).map((s) => s.cliente)).not.toEqual(
      first.map((s) => s.cliente),
    );
  });

  test("rolls the whole call back when a statement fails", async () => {
    const schema = await seededSchema("rollback");
    await expect(
      insertSales(sourceDb().pool, {
        schema,
        count: 3,
        rng: createRng(1),
        reference: {
          veiculos: [{ id_veiculos: 99, valor: "1000.00" }],
          vendedores: [{ id_vendedores: 1, id_concessionarias: 25 }],
        },
      }),
    ).rejects.toMatchObject({ code: "23503" });
    expect(await count(schema, "clientes")).toBe(0);
  });

  test("rejects a bad count with a message naming it", async () => {
    await expect(
      insertSales(sourceDb().pool, { schema: "batch", count: -1, rng: createRng(1) }),
    ).rejects.toMatchObject({
      code: "INVALID_SOURCE_OPTION",
      message: "count: expected an integer >= 0, got -1",
    });
  });
});

describe("updates", () => {
  test("applyUpdates changes addresses and prices, and the trigger bumps data_atualizacao", async () => {
    const schema = await seededSchema("updates");
    await insertSales(sourceDb().pool, { schema, count: 20, rng: createRng(11) });
    const before = await rows<{ id: number; data_atualizacao: Date; endereco: string }>(
      "select id_clientes as id, data_atualizacao, endereco from updates.clientes",
    );
    const applied = await applyUpdates(sourceDb().pool, { schema, count: 30, rng: createRng(12) });
    expect(applied.clientAddresses).toBeGreaterThan(0);
    expect(applied.vehiclePrices).toBeGreaterThan(0);
    const after = new Map(
      (
        await rows<{ id: number; data_atualizacao: Date; endereco: string }>(
          "select id_clientes as id, data_atualizacao, endereco from updates.clientes",
        )
      ).map((r) => [r.id, r]),
    );
    const changed = before.filter((b) => after.get(b.id)!.endereco !== b.endereco);
    expect(changed.length).toBeGreaterThan(0);
    for (const b of changed)
      expect(after.get(b.id)!.data_atualizacao.getTime()).toBeGreaterThan(
        b.data_atualizacao.getTime(),
      );
    const veiculos = await rows<{ id_veiculos: number; valor: string }>(
      "select id_veiculos, valor from updates.veiculos where data_atualizacao > data_inclusao",
    );
    expect(veiculos).toHaveLength(applied.vehiclePrices);
    for (const v of veiculos) {
      const list = Number(VEICULOS.find((r) => r.id_veiculos === v.id_veiculos)!.valor);
      expect(Number(v.valor)).toBeLessThanOrEqual(list);
      expect(Number(v.valor)).toBeGreaterThanOrEqual(list * 0.995);
    }
  });

  test("every UPDATE moves data_atualizacao, even one that sets it back", async () => {
    await seededSchema("stamps");
    await sourceDb().pool.query(
      "update stamps.estados set data_atualizacao = '2000-01-01', sigla = sigla where id_estados = 1",
    );
    const [row] = await rows<{ data_atualizacao: Date }>(
      "select data_atualizacao from stamps.estados where id_estados = 1",
    );
    expect(Math.abs(row!.data_atualizacao.getTime() - Date.now())).toBeLessThan(60_000);
  });

  test("after price corrections every sale still passes the price rule against the current price", async () => {
    const schema = await seededSchema("price_rule");
    await insertSales(sourceDb().pool, { schema, count: 300, rng: createRng(21) });
    await applyUpdates(sourceDb().pool, { schema, count: 200, rng: createRng(22) });
    await insertSales(sourceDb().pool, { schema, count: 300, rng: createRng(23) });
    const failing = await rows(
      `select v.id_vendas from price_rule.vendas v join price_rule.veiculos e using (id_veiculos)
        where not (v.valor_pago <= e.valor and v.valor_pago >= 0.95 * e.valor)`,
    );
    expect(failing).toEqual([]);
  });

  test("with no clients yet, only prices change", async () => {
    const schema = await seededSchema("no_clients");
    expect(
      await applyUpdates(sourceDb().pool, { schema, count: 5, rng: createRng(1) }),
    ).toMatchObject({
      clientAddresses: 0,
    });
  });
});

describe("runGenerator", () => {
  test("at a high rate for about a second inserts roughly rate × time, then stops on abort", async () => {
    const schema = await seededSchema("generator");
    const controller = new AbortController();
    const ticks: GeneratorTick[] = [];
    const started = Date.now();
    setTimeout(() => controller.abort(), 1_000);
    const totals = await runGenerator({
      client: sourceDb().pool,
      schema,
      ratePerMinute: 120_000, // 2 000 a second
      signal: controller.signal,
      updateRatio: 0.1,
      rng: createRng(5),
      onTick: (tick) => ticks.push(tick),
    });
    const seconds = (Date.now() - started) / 1000;
    expect(totals.sales).toBeGreaterThan(2_000 * seconds * 0.5);
    expect(totals.sales).toBeLessThan(2_000 * seconds * 1.2);
    expect(totals.updates).toBeGreaterThan(0);
    expect(await count(schema, "vendas")).toBe(totals.sales);
    expect(ticks.length).toBeGreaterThanOrEqual(5); // ticks every 100 ms at this rate
    expect(ticks.at(-1)).toMatchObject({ totalSales: totals.sales, totalUpdates: totals.updates });
    const settled = await count(schema, "vendas");
    expect(settled).toBe(totals.sales); // nothing inserted after it resolved
  });

  test("resolves at once when the signal is already aborted", async () => {
    const totals = await runGenerator({
      client: sourceDb().pool,
      schema: "generator",
      ratePerMinute: 60,
      signal: AbortSignal.abort(),
    });
    expect(totals).toEqual({ sales: 0, updates: 0 });
  });

  test("rejects a rate that is not a positive number", async () => {
    await expect(
      runGenerator({ client: sourceDb().pool, ratePerMinute: 0, signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ code: "INVALID_SOURCE_OPTION" });
  });
});

describe("the DAGs folder", () => {
  test("skips the source library (.updraftignore) and still loads without import errors", () => {
    const folder = path.join(__dirname, "..");
    expect(
      listDagFiles(folder).filter((f) => f.includes(`${path.sep}dealership${path.sep}source`)),
    ).toEqual([]);
    expect(loadDagBag(folder).importErrors).toEqual([]);
  });
});
