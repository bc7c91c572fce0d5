// A value as the page shows it: text as it is, anything else as indented JSON.
export function jsonText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === undefined) return "";
  // JSON.stringify answers undefined only for functions and symbols, which JSON never holds.
  return JSON.stringify(value, null, 2) ?? "";
}
