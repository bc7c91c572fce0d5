// The last few query outcomes by query id, for GET /queries/{id}/result (asyncExec,
// getResultsFromQueryId) and GET /monitoring/queries/{id}. Bounded by count and by rows held, so
// a run of large results cannot pin much memory.

import type { SqlError } from "../errors";

/** How a query ended: its response data (and its row count), or its error. */
export type QueryOutcome =
  { readonly data: unknown; readonly rows: number } | { readonly error: SqlError };

const MAX_ENTRIES = 32;
const MAX_ROWS = 200_000;

/** A bounded map from query id to outcome; the oldest entries are forgotten first. */
export class ResultCache {
  private readonly entries = new Map<string, QueryOutcome>();
  private rowsHeld = 0;

  remember(queryId: string, outcome: QueryOutcome): void {
    this.entries.set(queryId, outcome);
    this.rowsHeld += rowsOf(outcome);
    while (this.entries.size > MAX_ENTRIES || (this.rowsHeld > MAX_ROWS && this.entries.size > 1)) {
      const oldest = this.entries.entries().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value[0]);
      this.rowsHeld -= rowsOf(oldest.value[1]);
    }
  }

  get(queryId: string): QueryOutcome | undefined {
    return this.entries.get(queryId);
  }
}

function rowsOf(outcome: QueryOutcome): number {
  return "rows" in outcome ? outcome.rows : 0;
}
