// Which staged files each table has loaded, so COPY skips them the way Snowflake's load metadata
// does: a file is known by its path and content fingerprint; FORCE ignores the history; TRUNCATE,
// DROP and CREATE OR REPLACE of the table forget it.

/** Per-table sets of loaded files. */
export class LoadHistory {
  private readonly tables = new Map<string, Map<string, string>>();

  /** True when `table` loaded `file` with this `fingerprint` before. */
  hasLoaded(table: string, file: string, fingerprint: string): boolean {
    return this.tables.get(table)?.get(file) === fingerprint;
  }

  /** Records that `table` loaded `file`. */
  record(table: string, file: string, fingerprint: string): void {
    let files = this.tables.get(table);
    if (files === undefined) {
      files = new Map();
      this.tables.set(table, files);
    }
    files.set(file, fingerprint);
  }

  /** Forgets everything `table` loaded. */
  forget(table: string): void {
    this.tables.delete(table);
  }
}
