// The `variable` row in camelCase: the one place its snake_case columns are mapped.
import type { Row } from "../sqlClient";

/** One Airflow Variable as stored (values are strings; masking is the API's job). */
export interface VariableRow {
  readonly id: number;
  readonly key: string;
  /** The stored string (`var.json` parses it). */
  readonly value: string;
  readonly description: string | null;
  readonly isEncrypted: boolean;
}

/** Maps a `variable` row. */
export function variableFromRow(row: Row): VariableRow {
  return {
    id: Number(row.id),
    key: row.key as string,
    value: row.val as string,
    description: row.description as string | null,
    isEncrypted: row.is_encrypted as boolean,
  };
}
