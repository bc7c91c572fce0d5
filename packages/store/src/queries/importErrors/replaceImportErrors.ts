// replaceImportErrors: records the outcome of a DAG-processor pass over some files, in one
// transaction: the parsed files lose their old errors, the failing ones get their new error,
// and the DAGs defined in those files get has_import_errors accordingly.
//   writes:  deletes `import_error` rows of the parsed files (in this bundle), inserts the
//            current errors, updates `dag.has_import_errors` where fileloc is a parsed file
//   locks:   the deleted and inserted rows; the affected `dag` rows (taken in dag_id order)
//   returns: { deleted, importErrors (the rows inserted), dagsFlagged, dagsCleared }
import { type ImportErrorRow, importErrorFromRow } from "../../rows/importErrorRow";
import type { SqlClient } from "../../sqlClient";

/** One file that failed to parse. */
export interface FileImportError {
  readonly filename: string;
  readonly stackTrace: string;
}

/** Input of replaceImportErrors. */
export interface ReplaceImportErrorsInput {
  /** Every file of the pass, parsed cleanly or not (files in `errors` are added to it). */
  readonly parsedFiles: readonly string[];
  readonly errors: readonly FileImportError[];
  /** The DAG bundle parsed. @default null */
  readonly bundleName?: string | null;
  /** Parse time; the database clock when omitted. */
  readonly now?: Date;
}

/** What replaceImportErrors changed. */
export interface ReplaceImportErrorsResult {
  readonly deleted: number;
  readonly importErrors: ImportErrorRow[];
  /** DAGs whose file now has an error. */
  readonly dagsFlagged: number;
  /** DAGs whose file parsed cleanly again. */
  readonly dagsCleared: number;
}

/** Replaces the import errors of the parsed files. */
export async function replaceImportErrors(
  client: SqlClient,
  input: ReplaceImportErrorsInput,
): Promise<ReplaceImportErrorsResult> {
  const files = [...new Set([...input.parsedFiles, ...input.errors.map((e) => e.filename)])];
  const bundle = input.bundleName ?? null;
  return client.transaction(async (tx) => {
    const deleted = await tx.query(
      `delete from import_error
       where filename = any($1::text[]) and bundle_name is not distinct from $2::text`,
      [files, bundle],
    );
    const inserted = await tx.query(
      `insert into import_error (timestamp, filename, bundle_name, stack_trace)
       select coalesce($4::timestamptz, now()), e.filename, $3::text, e.stack_trace
       from unnest($1::text[], $2::text[]) with ordinality as e(filename, stack_trace, ord)
       order by e.ord
       returning *`,
      [
        input.errors.map((e) => e.filename),
        input.errors.map((e) => e.stackTrace),
        bundle,
        input.now ?? null,
      ],
    );
    const flags = await tx.query<{ has_import_errors: boolean }>(
      `with target as (
         select d.dag_id,
                exists (select 1 from import_error e where e.filename = d.fileloc) as has_errors
         from dag d where d.fileloc = any($1::text[])
         order by d.dag_id
         for update of d
       )
       update dag set has_import_errors = t.has_errors
       from target t
       where dag.dag_id = t.dag_id and dag.has_import_errors <> t.has_errors
       returning dag.has_import_errors`,
      [files],
    );
    const flagged = flags.rows.filter((r) => r.has_import_errors).length;
    return {
      deleted: deleted.rowCount,
      importErrors: inserted.rows.map(importErrorFromRow),
      dagsFlagged: flagged,
      dagsCleared: flags.rows.length - flagged,
    };
  });
}
