// GET /importErrors (paged, ordered, filename_pattern) and GET /importErrors/{import_error_id},
// over the import errors of a DAGs-folder pass plus a few recorded directly; every response is
// checked against Airflow's spec.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { processDagsFolder } from "@updraft/scheduler";
import { replaceImportErrors } from "@updraft/store";
import { useApi } from "./support/apiTest";
import { expectMatchesSpec } from "./support/spec";

const folder = mkdtempSync(path.join(tmpdir(), "updraft-api-import-errors-"));
const api = useApi();

const LIST = "/api/v2/importErrors";
const ONE = "/api/v2/importErrors/{import_error_id}";

/**
 * Airflow answers a bad order_by with 400, but the spec declares no 400 for GET /importErrors:
 * the body is checked against HTTPExceptionResponse through an operation that declares it.
 */
function expectHttpException(res: { status: number; body: unknown }): void {
  expectMatchesSpec(res, "GET", "/api/v2/dags/{dag_id}");
}

interface ImportErrorBody {
  readonly import_error_id: number;
  readonly filename: string;
  readonly stack_trace: string;
  readonly timestamp: string;
}

const names = (errors: readonly ImportErrorBody[]): string[] =>
  errors.map((e) => path.basename(e.filename));

beforeAll(async () => {
  writeFileSync(path.join(folder, "broken.ts"), 'throw new Error("boom at import");\n');
  await processDagsFolder(api().client, { dagsFolder: folder });
  await replaceImportErrors(api().client, {
    parsedFiles: [],
    errors: [
      { filename: "/elsewhere/alpha_dag.ts", stackTrace: "Error: alpha\n    at <anonymous>" },
      { filename: "/elsewhere/zeta_dag.ts", stackTrace: "Error: zeta" },
    ],
    bundleName: "other",
    now: new Date("2026-01-02T03:04:05.678Z"),
  });
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("GET /api/v2/importErrors", () => {
  test("lists every import error by id, as Airflow's ImportErrorResponse", async () => {
    const res = await api().as("Viewer").get(LIST);
    expect(res.status).toBe(200);
    expectMatchesSpec(res, "GET", LIST);
    expect(res.body.total_entries).toBe(3);
    expect(names(res.body.import_errors)).toEqual(["broken.ts", "alpha_dag.ts", "zeta_dag.ts"]);
    const [broken, alpha] = res.body.import_errors as ImportErrorBody[];
    expect(broken).toMatchObject({
      filename: path.join(folder, "broken.ts"),
      bundle_name: null,
      stack_trace: expect.stringContaining("boom at import"),
    });
    expect(alpha).toMatchObject({
      bundle_name: "other",
      timestamp: "2026-01-02T03:04:05.678000Z",
      stack_trace: "Error: alpha\n    at <anonymous>",
    });
  });

  test.each([
    ["?filename_pattern=broken", ["broken.ts"], 1],
    ["?filename_pattern=ZETA", ["zeta_dag.ts"], 1],
    ["?filename_pattern=%2Felsewhere%2F%25_dag", ["alpha_dag.ts", "zeta_dag.ts"], 2],
    ["?filename_pattern=alpha%20%7C%20broken", ["broken.ts", "alpha_dag.ts"], 2],
    ["?filename_pattern=~", ["broken.ts", "alpha_dag.ts", "zeta_dag.ts"], 3],
    ["?filename_pattern=nothing", [], 0],
    ["?order_by=-import_error_id", ["zeta_dag.ts", "alpha_dag.ts", "broken.ts"], 3],
    ["?order_by=filename", ["alpha_dag.ts", "zeta_dag.ts", "broken.ts"], 3],
    ["?order_by=stacktrace", ["alpha_dag.ts", "broken.ts", "zeta_dag.ts"], 3],
    ["?order_by=bundle_name&order_by=-id", ["zeta_dag.ts", "alpha_dag.ts", "broken.ts"], 3],
    ["?order_by=-timestamp", ["broken.ts", "zeta_dag.ts", "alpha_dag.ts"], 3],
    ["?limit=1&offset=1", ["alpha_dag.ts"], 3],
    ["?limit=500", ["broken.ts", "alpha_dag.ts", "zeta_dag.ts"], 3],
  ])("%s", async (query, expected, total) => {
    const res = await api().as("Viewer").get(`${LIST}${query}`);
    expect(res.status).toBe(200);
    expectMatchesSpec(res, "GET", LIST);
    expect(names(res.body.import_errors)).toEqual(expected);
    expect(res.body.total_entries).toBe(total);
  });

  test("a bad order_by is 400 with Airflow's message", async () => {
    const res = await api().as("Viewer").get(`${LIST}?order_by=dag_id`);
    expect(res.status).toBe(400);
    expectHttpException(res);
    expect(res.body).toEqual({
      detail: "Ordering with 'dag_id' is disallowed or the attribute does not exist on the model",
    });
  });

  test("a bad limit or offset is 422", async () => {
    for (const query of ["limit=x", "offset=-1"]) {
      const res = await api().as("Viewer").get(`${LIST}?${query}`);
      expect(res.status).toBe(422);
      expectMatchesSpec(res, "GET", LIST);
      expect(res.body.detail[0].loc).toEqual(["query", query.split("=")[0]]);
    }
  });
});

describe("GET /api/v2/importErrors/{import_error_id}", () => {
  test("one import error", async () => {
    const listed = await api().as("Viewer").get(`${LIST}?filename_pattern=alpha`);
    const id = (listed.body.import_errors as ImportErrorBody[])[0]?.import_error_id;
    const res = await api().as("Viewer").get(`${LIST}/${id}`);
    expect(res.status).toBe(200);
    expectMatchesSpec(res, "GET", ONE);
    expect(res.body).toEqual(listed.body.import_errors[0]);
  });

  test.each(["999999", "99999999999", "-1"])("an unknown id (%s) is 404", async (id) => {
    const res = await api().as("Viewer").get(`${LIST}/${id}`);
    expect(res.status).toBe(404);
    expectMatchesSpec(res, "GET", ONE);
    expect(res.body).toEqual({
      detail: `The ImportError with import_error_id: \`${id}\` was not found`,
    });
  });

  test.each(["abc", "1.5", "1%3B%20delete%20from%20import_error"])(
    "an id that is not an integer (%s) is 422, nothing changed",
    async (id) => {
      const res = await api().as("Viewer").get(`${LIST}/${id}`);
      expect(res.status).toBe(422);
      expectMatchesSpec(res, "GET", ONE);
      expect(res.body.detail[0]).toMatchObject({ loc: ["path", "import_error_id"] });
      const count = await api().client.query<{ n: number }>(
        "select count(*)::int as n from import_error",
      );
      expect(count.rows[0]?.n).toBe(3);
    },
  );
});
