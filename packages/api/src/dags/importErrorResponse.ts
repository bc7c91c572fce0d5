// A DAG file's import error as Airflow's ImportErrorResponse. Roles here do not restrict DAGs one
// by one, so every caller who may read import errors reads the whole stack trace (Airflow
// redacts it for users who cannot read every DAG of the file).
import type { ImportErrorRow } from "@updraft/store";
import { apiDate } from "../serialize/datetime";

/** Airflow's ImportErrorResponse. */
export interface ImportErrorResponseBody {
  readonly import_error_id: number;
  readonly timestamp: string;
  readonly filename: string;
  readonly bundle_name: string | null;
  readonly stack_trace: string;
}

/** The ImportErrorResponse of `error`. */
export function importErrorResponse(error: ImportErrorRow): ImportErrorResponseBody {
  return {
    import_error_id: error.id,
    timestamp: apiDate(error.timestamp) ?? "",
    filename: error.filename,
    bundle_name: error.bundleName,
    stack_trace: error.stackTrace,
  };
}
