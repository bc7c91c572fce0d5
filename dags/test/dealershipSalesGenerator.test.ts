// The pure half of the dealership source: the seeded generator, the reference data and the
// money arithmetic, without a database.
import {
  brazilianAddress,
  brazilianFullName,
  CIDADES,
  CONCESSIONARIAS,
  countUpdates,
  createRng,
  ESTADOS,
  generateSales,
  generateUpdates,
  multiRowInsert,
  quoteIdent,
  VEICULOS,
  VENDEDORES,
} from "../dealership/source";

const NOW = new Date("2024-02-02T12:00:00.000Z");

describe("createRng", () => {
  test("the same seed gives the same sequence; another seed another", () => {
    const draw = (seed: number | string) => {
      const rng = createRng(seed);
      return Array.from({ length: 5 }, () => rng.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw("novadrive")).toEqual(draw("novadrive"));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(Date.UTC(2026, 0, 1))).not.toEqual(draw(Date.UTC(2026, 0, 1) + 2 ** 32));
  });

  test("int stays within its bounds and reaches both", () => {
    const rng = createRng(1);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(1, 4)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4]);
  });

  test("pick refuses an empty list with a coded error", () => {
    expect(() => createRng(1).pick([])).toThrow(
      expect.objectContaining({ code: "INVALID_SOURCE_OPTION" }) as Error,
    );
  });
});

describe("reference data", () => {
  test("has the sizes of DEALERSHIP.md 2.2", () => {
    expect([ESTADOS, CIDADES, CONCESSIONARIAS, VEICULOS, VENDEDORES].map((t) => t.length)).toEqual([
      27, 27, 29, 8, 53,
    ]);
  });

  test("the generated salespeople are stable and spread over every dealership", () => {
    expect(VENDEDORES[5]).toEqual({
      id_vendedores: 6,
      nome: "Sabrina Dias",
      id_concessionarias: 1,
    });
    expect(VENDEDORES[52]).toEqual({
      id_vendedores: 53,
      nome: "Luana Pinto",
      id_concessionarias: 19,
    });
    const staff = new Map<number, number>();
    for (const v of VENDEDORES)
      staff.set(v.id_concessionarias, (staff.get(v.id_concessionarias) ?? 0) + 1);
    expect(staff.size).toBe(29);
    expect(staff.get(25)).toBe(6); // the five named ones and one more
  });

  test("is frozen", () => {
    expect(Object.isFrozen(VEICULOS)).toBe(true);
    expect(Object.isFrozen(VEICULOS[0])).toBe(true);
  });
});

describe("generateSales", () => {
  test("the same seed gives the same sales", () => {
    const sales = (seed: number) => generateSales({ rng: createRng(seed), count: 30, now: NOW });
    expect(sales(3)).toEqual(sales(3));
    expect(sales(3)).not.toEqual(sales(4));
  });

  test("each sale's salesperson, dealership and client agree", () => {
    for (const { cliente, venda } of generateSales({ rng: createRng(5), count: 500, now: NOW })) {
      const vendedor = VENDEDORES.find((v) => v.id_vendedores === venda.id_vendedores)!;
      expect(venda.id_concessionarias).toBe(vendedor.id_concessionarias);
      expect(cliente.id_concessionarias).toBe(venda.id_concessionarias);
      expect(venda.data_venda).toBe(NOW);
    }
  });

  test("valor_pago passes the price rule against every price a correction can set", () => {
    // The lowest price a correction reaches is 99.5 % of the list price, in whole reais.
    for (const { venda } of generateSales({ rng: createRng(6), count: 2_000, now: NOW })) {
      // In centavos, so the bounds are exact: discount 1–5 % means 95 % <= paid <= 99 %.
      const list = Number(VEICULOS.find((v) => v.id_veiculos === venda.id_veiculos)!.valor) * 100;
      const paid = Math.round(Number(venda.valor_pago) * 100);
      for (const price of [list, list - Math.floor(list / 100 / 200) * 100]) {
        expect(paid * 100).toBeLessThanOrEqual(price * 99);
        expect(paid * 100).toBeGreaterThanOrEqual(price * 95);
      }
    }
  });

  test("rejects a negative or fractional count", () => {
    for (const count of [-1, 1.5, Number.NaN])
      expect(() => generateSales({ rng: createRng(1), count, now: NOW })).toThrow(
        /^count: expected/,
      );
  });
});

describe("generateUpdates", () => {
  test("changes addresses of clients in the id range, and corrects prices within 0.5 %", () => {
    const updates = generateUpdates({
      rng: createRng(7),
      count: 400,
      clientIds: { min: 100, max: 120 },
    });
    const kinds = new Set(updates.map((u) => u.kind));
    expect(kinds).toEqual(new Set(["client_address", "vehicle_price"]));
    for (const update of updates)
      if (update.kind === "client_address") {
        expect(update.id_clientes).toBeGreaterThanOrEqual(100);
        expect(update.id_clientes).toBeLessThanOrEqual(120);
      } else {
        const list = Number(VEICULOS.find((v) => v.id_veiculos === update.id_veiculos)!.valor);
        expect(Number(update.valor)).toBeLessThanOrEqual(list);
        expect(Number(update.valor)).toBeGreaterThanOrEqual(list * 0.995);
        expect(update.valor).toMatch(/^\d+\.00$/);
      }
  });

  test("with no clients, only prices change", () => {
    const updates = generateUpdates({ rng: createRng(8), count: 20, clientIds: null });
    expect(updates.every((u) => u.kind === "vehicle_price")).toBe(true);
  });
});

describe("countUpdates", () => {
  test.each([
    [0, 0, 0],
    [1, 1000, 1000],
    [0.1, 1000, 100],
  ])("ratio %p over %p sales gives about %p updates", (ratio, sales, expected) => {
    const n = countUpdates(createRng(9), sales, ratio);
    expect(Math.abs(n - expected)).toBeLessThanOrEqual(expected * 0.3);
  });

  test.each([-0.1, 1.5, Number.NaN])("rejects ratio %p", (ratio) => {
    expect(() => countUpdates(createRng(1), 1, ratio)).toThrow(/^updateRatio: expected/);
  });
});

describe("names and addresses", () => {
  test("full names have a first name and one or two surnames", () => {
    const rng = createRng(10);
    expect(brazilianFullName(rng, { surnames: 1 }).split(" ").length).toBeLessThanOrEqual(4);
    for (let i = 0; i < 200; i += 1)
      expect(brazilianFullName(rng)).toMatch(/^\p{Lu}\p{Ll}+( \p{L}+){1,4}$/u);
  });

  test('addresses read "<street>, <number>"', () => {
    const rng = createRng(11);
    for (let i = 0; i < 200; i += 1)
      expect(brazilianAddress(rng)).toMatch(/^\p{Lu}\p{Ll}+ [^,]+, [1-9]\d{0,3}$/u);
  });
});

describe("SQL text", () => {
  test("quoteIdent doubles quotes and refuses empty or overlong names", () => {
    expect(quoteIdent('a "b"')).toBe('"a ""b"""');
    expect(() => quoteIdent("")).toThrow(/^schema: expected a name of 1 to 63 bytes/);
    expect(() => quoteIdent("x".repeat(64))).toThrow(/^schema: expected/);
  });

  test("multiRowInsert binds every value and numbers the placeholders", () => {
    expect(
      multiRowInsert(
        '"s"."t"',
        ["a", "b"],
        [
          [1, "x"],
          [2, "y"],
        ],
        "returning a",
      ),
    ).toEqual({
      text: 'insert into "s"."t" ("a", "b") values ($1, $2), ($3, $4) returning a',
      values: [1, "x", 2, "y"],
    });
  });
});
