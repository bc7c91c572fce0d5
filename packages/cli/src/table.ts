// Output formats of list commands, as Airflow's CLI `--output table|json|plain`.

/** The output formats list commands accept. */
export type OutputFormat = "table" | "json" | "plain";

/** Renders rows as an aligned text table, JSON, or tab-separated plain text. */
export function formatRows(
  rows: readonly Record<string, string | number | null>[],
  columns: readonly string[],
  format: OutputFormat,
): string {
  if (format === "json")
    return JSON.stringify(
      rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? null]))),
      null,
      2,
    );
  const cells = rows.map((row) => columns.map((c) => String(row[c] ?? "")));
  if (format === "plain") return [columns, ...cells].map((line) => line.join("\t")).join("\n");
  if (rows.length === 0) return "No data found";
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((line) => line[i]!.length)));
  const line = (values: readonly string[]): string =>
    values
      .map((v, i) => v.padEnd(widths[i]!))
      .join(" | ")
      .trimEnd();
  return [line(columns), widths.map((w) => "=".repeat(w)).join("=+="), ...cells.map(line)].join(
    "\n",
  );
}
