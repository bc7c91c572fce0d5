// The trigger form's two views of one conf: the param fields and the configuration JSON. Fields
// make the JSON (params in the DAG's order, then any other keys the JSON holds); valid JSON makes
// the fields (a param the JSON leaves out goes back to its default). Invalid JSON says where.
import { formatFieldValue, parseFieldText } from "./fieldText";
import { jsonErrorPosition } from "./jsonErrorPosition";
import type { ParamField } from "./paramField";
import { validateParamValue } from "./validateParamValue";

/** Each field's input text, by param name. */
export type FieldTexts = Readonly<Record<string, string>>;

/** Keys of the conf that are not params of the DAG (Airflow passes them through). */
export type ExtraConf = Readonly<Record<string, unknown>>;

export type ParsedConf =
  | { readonly ok: true; readonly conf: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly error: string };

/** The texts the fields start with: each param's default. */
export function initialTexts(fields: readonly ParamField[]): FieldTexts {
  return Object.fromEntries(fields.map((f) => [f.name, formatFieldValue(f, f.defaultValue)]));
}

/** The message of a field's text: why it cannot be parsed, or why its value is refused. */
export function fieldProblem(field: ParamField, text: string): string | null {
  const parsed = parseFieldText(field, text);
  return parsed.ok ? validateParamValue(field, parsed.value) : parsed.error;
}

/** The conf the fields and the extra keys make; a field that cannot be parsed keeps its text. */
export function confFromFields(
  fields: readonly ParamField[],
  texts: FieldTexts,
  extra: ExtraConf,
): Record<string, unknown> {
  const conf: Record<string, unknown> = {};
  for (const field of fields) {
    const parsed = parseFieldText(field, texts[field.name] ?? "");
    conf[field.name] = parsed.ok ? parsed.value : (texts[field.name] ?? null);
  }
  for (const [key, value] of Object.entries(extra))
    if (!Object.hasOwn(conf, key)) conf[key] = value;
  return conf;
}

/** The field texts and extra keys `conf` stands for. */
export function fieldsFromConf(
  fields: readonly ParamField[],
  conf: Readonly<Record<string, unknown>>,
): { readonly texts: FieldTexts; readonly extra: ExtraConf } {
  const names = new Set(fields.map((f) => f.name));
  const texts = Object.fromEntries(
    fields.map((f) => [
      f.name,
      formatFieldValue(f, Object.hasOwn(conf, f.name) ? conf[f.name] : f.defaultValue),
    ]),
  );
  const extra = Object.fromEntries(Object.entries(conf).filter(([key]) => !names.has(key)));
  return { texts, extra };
}

/** The conf as the JSON box shows it. */
export const formatConf = (conf: Readonly<Record<string, unknown>>): string =>
  JSON.stringify(conf, null, 2);

/** "line L, column C" (from 1) of offset `position` in `text`. */
function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position).split("\n");
  const where = `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
  return position >= text.length ? `${where} (the end)` : where;
}

/** JSON.parse's reason without its own (browser-specific) position. */
function reasonOf(message: string): string {
  const reason = message
    .replace(/^JSON\.parse: /, "")
    .replace(/,? ?(in JSON )?at position \d+[\s\S]*$/, "")
    .replace(/ at line \d+ column \d+[\s\S]*$/, "")
    .replace(/, ".*" is not valid JSON$/s, "")
    .replace(/^Unexpected end of JSON input$/, "the JSON ends too early")
    .trim();
  return reason === "" ? "invalid JSON" : reason;
}

/** The configuration JSON box's text as a conf; an empty box is `{}`. */
export function parseConfJson(text: string): ParsedConf {
  if (text.trim() === "") return { ok: true, conf: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: `Configuration JSON: ${reasonOf(message)} at ${lineAndColumn(text, jsonErrorPosition(text) ?? text.length)}`,
    };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return {
      ok: false,
      error: `Configuration JSON: must be a JSON object ({"key": value}), got ${Array.isArray(value) ? "an array" : JSON.stringify(value)}`,
    };
  return { ok: true, conf: value as Record<string, unknown> };
}
