// The `import_error` row in camelCase: the one place its snake_case columns are mapped.
import type { Row } from "../sqlClient";

/** A DAG file that failed to parse (Airflow's ParseImportError). */
export interface ImportErrorRow {
  readonly id: number;
  readonly timestamp: Date;
  readonly filename: string;
  readonly bundleName: string | null;
  readonly stackTrace: string;
}

/** Maps an `import_error` row. */
export function importErrorFromRow(row: Row): ImportErrorRow {
  return {
    id: Number(row.id),
    timestamp: row.timestamp as Date,
    filename: row.filename as string,
    bundleName: row.bundle_name as string | null,
    stackTrace: row.stack_trace as string,
  };
}
