// `updraft demo source` against a real Postgres: --once seeds and inserts, the generator stops on
// its signal, bad flags are named with the expected form, and the password is never printed.
import { createSourcePool } from "@updraft/dags/dealership/source";
import { createTestDatabase, type TestDatabase } from "@updraft/testing";
import { cli, startCli } from "./support/cli";

const PASSWORD = "s3cret-Pa55";
let database: TestDatabase;
let pool: ReturnType<typeof createSourcePool>;

/** The test database's URL with a password (trust auth ignores it; output must not show it). */
function sourceUrl(): string {
  const url = new URL(database.url);
  url.username = "postgres";
  url.password = PASSWORD;
  return url.toString();
}

beforeAll(async () => {
  database = await createTestDatabase({
    templateKey: "cli_demo_source_empty_v1",
    prepare: async () => undefined,
  });
  pool = createSourcePool({ connectionString: database.url, max: 2 });
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

async function count(schema: string, table: string): Promise<number> {
  const result = await pool.query<{ n: number }>(
    `select count(*)::integer as n from "${schema}"."${table}"`,
  );
  return result.rows[0]!.n;
}

describe("updraft demo source", () => {
  test("--once n creates the tables, seeds the reference data, inserts n sales and exits", async () => {
    const result = await cli(["demo", "source", "--once", "5", "--updates", "0"], {
      AIRFLOW_CONN_POSTGRES_SOURCE: sourceUrl(),
    });
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toMatch(
      /demo source ready source=postgres:\/\/postgres@127\.0\.0\.1:5432\//,
    );
    expect(result.out).toMatch(/reference_rows_inserted=144/);
    expect(result.out).toMatch(/demo source inserted sales=5 updates=0 id_vendas=1\.\.5/);
    expect(await count("public", "vendas")).toBe(5);
    expect(await count("public", "clientes")).toBe(5);
    expect(await count("public", "vendedores")).toBe(53);
  });

  test("runs again against the existing database, seeding nothing twice", async () => {
    const result = await cli(["demo", "source", "--once", "2"], {
      AIRFLOW_CONN_POSTGRES_SOURCE: sourceUrl(),
    });
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/reference_rows_inserted=0/);
    expect(await count("public", "vendas")).toBe(7);
    expect(await count("public", "estados")).toBe(27);
  });

  test("takes an Airflow JSON connection and a --schema", async () => {
    const connection = JSON.stringify({
      conn_type: "postgres",
      host: "127.0.0.1",
      port: 5432,
      login: "postgres",
      password: PASSWORD,
      schema: database.name,
    });
    const result = await cli(["demo", "source", "--once", "3", "--schema", "novadrive"], {
      AIRFLOW_CONN_POSTGRES_SOURCE: connection,
    });
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toContain("schema=novadrive");
    expect(await count("novadrive", "vendas")).toBe(3);
    expect(result.out).not.toContain(PASSWORD);
  });

  test("falls back to UPDRAFT_DEMO_SOURCE_URL", async () => {
    const result = await cli(["demo", "source", "--once", "1", "--schema", "fallback"], {
      UPDRAFT_DEMO_SOURCE_URL: sourceUrl(),
    });
    expect(result.code).toBe(0);
    expect(await count("fallback", "vendas")).toBe(1);
  });

  test("the same --seed gives the same sales", async () => {
    for (const schema of ["seeded_a", "seeded_b"])
      expect(
        (
          await cli(["demo", "source", "--once", "4", "--seed", "42", "--schema", schema], {
            AIRFLOW_CONN_POSTGRES_SOURCE: sourceUrl(),
          })
        ).code,
      ).toBe(0);
    const sales = async (schema: string) =>
      (
        await pool.query<Record<string, unknown>>(
          `select v.id_veiculos, v.id_vendedores, v.valor_pago, c.cliente, c.endereco
             from "${schema}".vendas v join "${schema}".clientes c using (id_clientes) order by id_vendas`,
        )
      ).rows;
    expect(await sales("seeded_b")).toEqual(await sales("seeded_a"));
  });

  test("without --once runs the generator until stopped, then prints the totals", async () => {
    const running = startCli(["demo", "source", "--rate", "600/s", "--schema", "live"], {
      AIRFLOW_CONN_POSTGRES_SOURCE: sourceUrl(),
    });
    await running.waitFor(/demo source running; Ctrl-C stops rate=600\/s updates=0\.1 seed=\d+/);
    const stoppedLine = running.waitFor(/demo source stopped/);
    expect(await running.stop()).toBe(0);
    const totals = /total_sales=(\d+) total_updates=(\d+)/.exec(await stoppedLine);
    expect(totals).not.toBeNull();
    expect(await count("live", "vendas")).toBe(Number(totals![1]));
    expect(running.lines.join("\n")).not.toContain(PASSWORD);
  });

  test.each([
    [["--rate", "fast"], '--rate: expected <n>/min or <n>/s, got "fast"'],
    [["--rate", "0/min"], '--rate: expected <n>/min or <n>/s, got "0/min"'],
    [["--rate", "10/h"], '--rate: expected <n>/min or <n>/s, got "10/h"'],
    [
      ["--updates", "1.5"],
      '--updates: expected a ratio from 0 to 1 (0.1 = one update per ten sales), got "1.5"',
    ],
    [["--once", "zero"], '--once: expected an integer >= 1, got "zero"'],
    [["--seed", "abc"], '--seed: expected a whole number, got "abc"'],
    [["--schema", ""], '--schema: expected a schema name of 1 to 63 bytes, got ""'],
  ])("a bad flag %j is refused with the flag and the expected form", async (flags, message) => {
    const result = await cli(["demo", "source", ...flags], {
      AIRFLOW_CONN_POSTGRES_SOURCE: sourceUrl(),
    });
    expect(result).toEqual({ code: 1, out: "", err: message });
  });

  test("says which variables to set when neither is", async () => {
    const result = await cli(["demo", "source", "--once", "1"], {});
    expect(result.code).toBe(1);
    expect(result.err).toContain("set AIRFLOW_CONN_POSTGRES_SOURCE");
    expect(result.err).toContain("UPDRAFT_DEMO_SOURCE_URL");
  });

  test("a connection that does not parse is named, without echoing its value", async () => {
    const result = await cli(["demo", "source", "--once", "1"], {
      AIRFLOW_CONN_POSTGRES_SOURCE: `{"password": "${PASSWORD}", broken`,
    });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^AIRFLOW_CONN_POSTGRES_SOURCE: expected a postgresql:\/\//);
    expect(result.err).not.toContain(PASSWORD);
  });

  test("refuses a connection of another type", async () => {
    const result = await cli(["demo", "source", "--once", "1"], {
      AIRFLOW_CONN_POSTGRES_SOURCE: `mysql://root:${PASSWORD}@127.0.0.1:3306/novadrive`,
    });
    expect(result).toMatchObject({ code: 1, out: "" });
    expect(result.err).toBe(
      'AIRFLOW_CONN_POSTGRES_SOURCE: expected a postgres connection, got conn_type "mysql"',
    );
  });

  test("refuses a connection without a host", async () => {
    const result = await cli(["demo", "source", "--once", "1"], {
      AIRFLOW_CONN_POSTGRES_SOURCE: JSON.stringify({ conn_type: "postgres", login: "postgres" }),
    });
    expect(result).toEqual({
      code: 1,
      out: "",
      err: "AIRFLOW_CONN_POSTGRES_SOURCE: expected a connection with a host, got none",
    });
  });

  test("the password is not printed when the database cannot be reached", async () => {
    const result = await cli(["demo", "source", "--once", "1"], {
      AIRFLOW_CONN_POSTGRES_SOURCE: `postgresql://postgres:${PASSWORD}@127.0.0.1:1/novadrive`,
    });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /ERROR demo source failed source=postgres:\/\/postgres@127\.0\.0\.1:1\/novadrive schema=public error=/,
    );
    expect(result.out + result.err).not.toContain(PASSWORD);
  });
});
