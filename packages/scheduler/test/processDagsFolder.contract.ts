// The DAG processor stores what a DAGs folder defines; run on Postgres and on PGlite.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { SqlClient } from "@updraft/store";
import { processDagsFolder } from "../src";

const FIXTURES = path.join(__dirname, "..", "..", "runtime", "test", "fixtures", "dags");

function copyFixtures(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "updraft-processor-"));
  cpSync(FIXTURES, folder, { recursive: true });
  return folder;
}

export function describeProcessDagsFolderContract(getClient: () => SqlClient): void {
  describe("processDagsFolder", () => {
    test("stores each DAG, its serialized form and tags, and each file's import error", async () => {
      const client = getClient();
      const folder = copyFixtures();
      const report = await processDagsFolder(client, { dagsFolder: folder });
      expect(report.dagIds).toEqual(["exported_dag", "registered_dag"]);
      expect([...report.created].sort()).toEqual(["exported_dag", "registered_dag"]);
      expect(report.importErrors).toBe(4);
      const dags = await client.query<{
        dag_id: string;
        is_paused: boolean;
        relative_fileloc: string;
        timetable_summary: string;
      }>("select dag_id, is_paused, relative_fileloc, timetable_summary from dag order by dag_id");
      expect(dags.rows).toEqual([
        {
          dag_id: "exported_dag",
          is_paused: true,
          relative_fileloc: "two_dags.ts",
          timetable_summary: "@daily",
        },
        {
          dag_id: "registered_dag",
          is_paused: true,
          relative_fileloc: "two_dags.ts",
          timetable_summary: "None",
        },
      ]);
      const serialized = await client.query<{ data: { dag: { tasks: unknown[] } } }>(
        "select data from serialized_dag where dag_id = 'exported_dag'",
      );
      expect(serialized.rows[0]!.data.dag.tasks).toHaveLength(3);
      const tags = await client.query("select name from dag_tag where dag_id = 'exported_dag'");
      expect(tags.rows).toEqual([{ name: "fixture" }]);
      const errors = await client.query<{ filename: string }>(
        "select filename from import_error order by filename",
      );
      expect(errors.rows.map((r) => path.basename(r.filename))).toEqual([
        "broken_syntax.ts",
        "cyclic.ts",
        "throws_at_import.ts",
        "zz_duplicate_id.ts",
      ]);
      rmSync(folder, { recursive: true, force: true });
    });

    test("a second pass changes nothing; fixing a file clears its error; a removed DAG goes stale", async () => {
      const client = getClient();
      await client.query("delete from dag");
      await client.query("delete from import_error");
      const folder = copyFixtures();
      await processDagsFolder(client, { dagsFolder: folder });
      const again = await processDagsFolder(client, { dagsFolder: folder });
      expect(again.created).toEqual([]);
      expect(again.changed).toEqual([]);

      writeFileSync(
        path.join(folder, "cyclic.ts"),
        'import { dag, EmptyOperator } from "@updraft/sdk";\ndag({ dagId: "cyclic_dag" }, () => { new EmptyOperator({ taskId: "a" }); });\n',
      );
      rmSync(path.join(folder, "two_dags.ts"));
      const third = await processDagsFolder(client, { dagsFolder: folder });
      // cyclic.ts now parses; registered_dag now comes from zz_duplicate_id.ts (it moved files).
      expect(third.created).toEqual(["cyclic_dag"]);
      expect(third.changed).toEqual(["cyclic_dag", "registered_dag"]);
      expect(third.stale).toEqual(["exported_dag"]);
      const errors = await client.query<{ filename: string }>(
        "select filename from import_error order by filename",
      );
      expect(errors.rows.map((r) => path.basename(r.filename))).toEqual([
        "broken_syntax.ts",
        "throws_at_import.ts",
      ]);
      rmSync(folder, { recursive: true, force: true });
    });

    test("a DAG that sets isPausedUponCreation: false starts unpaused", async () => {
      const client = getClient();
      const folder = mkdtempSync(path.join(tmpdir(), "updraft-processor-"));
      writeFileSync(
        path.join(folder, "live.ts"),
        'import { dag } from "@updraft/sdk";\ndag({ dagId: "live_dag", isPausedUponCreation: false });\n',
      );
      await processDagsFolder(client, { dagsFolder: folder });
      const row = await client.query<{ is_paused: boolean }>(
        "select is_paused from dag where dag_id = 'live_dag'",
      );
      expect(row.rows).toEqual([{ is_paused: false }]);
      rmSync(folder, { recursive: true, force: true });
    });
  });
}
