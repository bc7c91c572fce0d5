// What the trigger form shows for one of a DAG's params (Airflow's Param: a value and its JSON
// schema): which input, its label and help, whether it may be left empty. Airflow's UI makes the
// same choices: `enum` is a select, a `format` of date / date-time / time a picker, a string
// array one item per line, objects and type unions JSON.
import type { DagParam } from "../../api/types";

/** The input a param gets. */
export type ParamKind =
  | "string"
  | "multiline"
  | "integer"
  | "number"
  | "boolean"
  | "enum"
  | "date"
  | "date-time"
  | "time"
  | "string-list"
  | "array"
  | "object"
  | "json"
  | "null";

export interface ParamOption {
  readonly value: unknown;
  readonly label: string;
}

/** One param as a form field. */
export interface ParamField {
  readonly name: string;
  /** The schema's title, else the param's name. */
  readonly label: string;
  readonly description: string | null;
  readonly kind: ParamKind;
  /** The JSON types the schema allows, "null" left out; empty when it names none. */
  readonly types: readonly string[];
  /** The schema allows null: an empty field sends null. */
  readonly nullable: boolean;
  /** No default: the run must be given a value. */
  readonly required: boolean;
  readonly hasDefault: boolean;
  readonly defaultValue: unknown;
  readonly schema: Readonly<Record<string, unknown>>;
  /** The choices of an `enum`. */
  readonly options: readonly ParamOption[];
}

const SCALAR_KINDS: Readonly<Record<string, ParamKind>> = {
  integer: "integer",
  number: "number",
  boolean: "boolean",
  object: "object",
};

const STRING_FORMATS: Readonly<Record<string, ParamKind>> = {
  date: "date",
  "date-time": "date-time",
  time: "time",
  multiline: "multiline",
};

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function schemaTypes(schema: Readonly<Record<string, unknown>>): string[] {
  const type = schema.type;
  if (typeof type === "string") return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === "string");
  return [];
}

/** An untyped param (`params={"x": 5}`) takes whatever its default is. */
function kindOfUntyped(value: unknown): ParamKind {
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "boolean";
  return "json";
}

function kindOf(schema: Readonly<Record<string, unknown>>, types: readonly string[]): ParamKind {
  if (Array.isArray(schema.enum)) return "enum";
  if (types.length !== 1) return "json";
  const [type] = types;
  if (type === "string") {
    const format = typeof schema.format === "string" ? STRING_FORMATS[schema.format] : undefined;
    return format ?? "string";
  }
  if (type === "array") {
    const items = schema.items;
    const plainStrings =
      items === undefined ||
      (isRecord(items) && items.type === "string" && !Array.isArray(items.enum));
    return plainStrings ? "string-list" : "array";
  }
  return SCALAR_KINDS[type ?? ""] ?? "json";
}

function optionsOf(schema: Readonly<Record<string, unknown>>): ParamOption[] {
  if (!Array.isArray(schema.enum)) return [];
  const display = isRecord(schema.values_display) ? schema.values_display : {};
  return (schema.enum as unknown[])
    .filter((value) => value !== null)
    .map((value) => {
      // values_display is keyed by the value as Python's str() writes it; strings as they are.
      const key = typeof value === "string" ? value : JSON.stringify(value);
      const shown = display[key];
      return { value, label: typeof shown === "string" ? shown : key };
    });
}

/** The form field of the param `name`. */
export function paramField(name: string, param: DagParam): ParamField {
  const schema = isRecord(param.schema) ? param.schema : {};
  const allTypes = schemaTypes(schema);
  const types = allTypes.filter((t) => t !== "null");
  const hasDefault = (param as { has_default?: unknown }).has_default !== false;
  const defaultValue = hasDefault ? param.value : undefined;
  const enumAllowsNull = Array.isArray(schema.enum) && (schema.enum as unknown[]).includes(null);
  const nullable = allTypes.includes("null") || enumAllowsNull;
  let kind: ParamKind;
  if (allTypes.length > 0 && types.length === 0) kind = "null";
  else if (allTypes.length === 0 && !Array.isArray(schema.enum)) kind = kindOfUntyped(param.value);
  else kind = kindOf(schema, types);
  const title = typeof schema.title === "string" && schema.title !== "" ? schema.title : name;
  const description =
    typeof param.description === "string" && param.description !== ""
      ? param.description
      : typeof schema.description === "string" && schema.description !== ""
        ? schema.description
        : null;
  // Airflow serializes a missing default as null: null for a schema that refuses it is no default.
  const required = !hasDefault || (defaultValue === null && !nullable && allTypes.length > 0);
  return {
    name,
    label: title,
    description,
    kind,
    types,
    nullable: nullable || allTypes.length === 0,
    required,
    hasDefault: hasDefault && !required,
    defaultValue: required ? undefined : defaultValue,
    schema,
    options: optionsOf(schema),
  };
}

/** Every param of a DAG as a field, in the DAG's order. */
export function paramFields(params: Readonly<Record<string, DagParam>> | null): ParamField[] {
  return Object.entries(params ?? {}).map(([name, param]) => paramField(name, param));
}
