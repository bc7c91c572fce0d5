// Snowflake datetime format strings (YYYY-MM-DD HH24:MI:SS.FF3) → DuckDB strftime/strptime.

const ELEMENTS: readonly (readonly [string, string])[] = [
  ["YYYY", "%Y"],
  ["YY", "%y"],
  ["MMMM", "%B"],
  ["MON", "%b"],
  ["MM", "%m"],
  ["DD", "%d"],
  ["DY", "%a"],
  ["HH24", "%H"],
  ["HH12", "%I"],
  ["HH", "%I"],
  ["AM", "%p"],
  ["PM", "%p"],
  ["MI", "%M"],
  ["SS", "%S"],
  ["FF9", "%n"],
  ["FF6", "%f"],
  ["FF3", "%g"],
  ["FF", "%f"],
  ["TZH:TZM", "%z"],
  ["TZHTZM", "%z"],
];

/** The strftime pattern for Snowflake format `format`; text in double quotes stays literal. */
export function toStrftimeFormat(format: string): string {
  let out = "";
  let i = 0;
  while (i < format.length) {
    const c = format.charAt(i);
    if (c === '"') {
      const end = format.indexOf('"', i + 1);
      const literal = end === -1 ? format.slice(i + 1) : format.slice(i + 1, end);
      out += literal.replace(/%/g, "%%");
      i = end === -1 ? format.length : end + 1;
      continue;
    }
    const rest = format.slice(i).toUpperCase();
    const element = ELEMENTS.find(([sf]) => rest.startsWith(sf));
    if (element !== undefined) {
      out += element[1];
      i += element[0].length;
      continue;
    }
    out += c === "%" ? "%%" : c;
    i += 1;
  }
  return out;
}
