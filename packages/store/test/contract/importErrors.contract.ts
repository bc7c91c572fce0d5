// Contract of the import-error queries: every SqlClient adapter must pass it.
import { listImportErrors } from "../../src/queries/importErrors/listImportErrors";
import { replaceImportErrors } from "../../src/queries/importErrors/replaceImportErrors";
import type { SqlClient } from "../../src/sqlClient";

const uid = (): string => Math.random().toString(36).slice(2, 10);

async function hasImportErrors(client: SqlClient, dagId: string): Promise<boolean> {
  const result = await client.query<{ has_import_errors: boolean }>(
    "select has_import_errors from dag where dag_id = $1",
    [dagId],
  );
  return result.rows[0]!.has_import_errors;
}

/** Runs the import-error contract against the client getClient returns. */
export function describeImportErrorsContract(getClient: () => SqlClient): void {
  describe("import errors", () => {
    test("a pass replaces the errors of the files it parsed and flags their DAGs", async () => {
      const client = getClient();
      const dir = `/dags/${uid()}`;
      const [a, b, c] = [`${dir}/a.py`, `${dir}/b.py`, `${dir}/c.py`];
      for (const [dagId, fileloc] of [
        [`${uid()}_a`, a],
        [`${uid()}_b`, b],
      ] as const)
        await client.query("insert into dag (dag_id, fileloc) values ($1, $2)", [dagId, fileloc]);
      const dags = await client.query<{ dag_id: string; fileloc: string }>(
        "select dag_id, fileloc from dag where fileloc like $1 order by fileloc",
        [`${dir}/%`],
      );
      const [dagA, dagB] = dags.rows.map((r) => r.dag_id) as [string, string];

      const first = await replaceImportErrors(client, {
        parsedFiles: [a, b, c],
        errors: [
          { filename: a, stackTrace: "SyntaxError: a" },
          { filename: c, stackTrace: "TypeError: c" },
        ],
        now: new Date("2026-03-01T00:00:00Z"),
      });
      expect(first).toMatchObject({ deleted: 0, dagsFlagged: 1, dagsCleared: 0 });
      expect(first.importErrors.map((e) => [e.filename, e.stackTrace, e.bundleName])).toEqual([
        [a, "SyntaxError: a", null],
        [c, "TypeError: c", null],
      ]);
      expect(first.importErrors[0]!.timestamp).toEqual(new Date("2026-03-01T00:00:00Z"));
      expect([await hasImportErrors(client, dagA), await hasImportErrors(client, dagB)]).toEqual([
        true,
        false,
      ]);

      const second = await replaceImportErrors(client, {
        parsedFiles: [a, b],
        errors: [{ filename: b, stackTrace: "ImportError: b" }],
      });
      expect(second).toMatchObject({ deleted: 1, dagsFlagged: 1, dagsCleared: 1 });
      const now = await listImportErrors(client, { filenamePattern: `${dir}/%` });
      expect(now.importErrors.map((e) => [e.filename, e.stackTrace])).toEqual([
        [c, "TypeError: c"],
        [b, "ImportError: b"],
      ]);
      expect([await hasImportErrors(client, dagA), await hasImportErrors(client, dagB)]).toEqual([
        false,
        true,
      ]);
    });

    test("a failing pass changes nothing (one transaction)", async () => {
      const client = getClient();
      const file = `/dags/${uid()}/x.py`;
      await replaceImportErrors(client, {
        parsedFiles: [file],
        errors: [{ filename: file, stackTrace: "old" }],
      });
      await expect(
        replaceImportErrors(client, {
          parsedFiles: [file],
          errors: [{ filename: file, stackTrace: null as unknown as string }],
        }),
      ).rejects.toThrow();
      const left = await listImportErrors(client, { filenamePattern: file });
      expect(left.importErrors.map((e) => e.stackTrace)).toEqual(["old"]);
    });

    test("listImportErrors pages by id and counts", async () => {
      const client = getClient();
      const dir = `/dags/${uid()}`;
      const files = [1, 2, 3].map((n) => `${dir}/${n}.py`);
      await replaceImportErrors(client, {
        parsedFiles: files,
        errors: files.map((filename) => ({ filename, stackTrace: "boom" })),
        bundleName: "dags-folder",
      });
      const page = await listImportErrors(client, {
        filenamePattern: `${dir}/%`,
        limit: 1,
        offset: 2,
      });
      expect(page.totalEntries).toBe(3);
      expect(page.importErrors.map((e) => [e.filename, e.bundleName])).toEqual([
        [files[2], "dags-folder"],
      ]);
      expect(await listImportErrors(client, { filenamePattern: `${dir}/none%` })).toEqual({
        importErrors: [],
        totalEntries: 0,
      });
    });
  });
}
