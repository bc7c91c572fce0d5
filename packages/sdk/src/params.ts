// DAG params (Airflow's Param): JSON-schema validated values with defaults, checked when the DAG
// is defined (defaults) and when a run is created (defaults overridden by the run's conf).
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { DagDefinitionError, UpdraftError } from "./errors";
import { isPlainObject } from "./plainObject";

/** JSON-schema types a param may take. */
export type JsonType = "string" | "number" | "integer" | "boolean" | "array" | "object" | "null";

/** A param with a JSON schema (Airflow's `Param(default, type=..., ...)`). */
export interface ParamSpec {
  type?: JsonType | readonly JsonType[];
  default?: unknown;
  description?: string;
  title?: string;
  enum?: readonly unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** "date", "date-time", "time" (HH:MM:SS, as Airflow checks it), "email", "uri", … */
  format?: string;
  items?: ParamSpec | Readonly<Record<string, unknown>>;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: Readonly<Record<string, ParamSpec | Readonly<Record<string, unknown>>>>;
  required?: readonly string[];
  additionalProperties?: boolean | ParamSpec | Readonly<Record<string, unknown>>;
  examples?: readonly unknown[];
}

/**
 * A DAG's params. A value is a ParamSpec when it is a plain object with `default`,
 * `description` or a JSON-schema keyword; anything else is a bare default with no schema (as
 * Airflow treats `params={"x": 5}`). A dict default that looks like a spec must be wrapped:
 * `{ default: { type: "full" } }`.
 */
export type ParamsDefinition = Readonly<Record<string, ParamSpec | BareDefault>>;

/** A default given without a schema. */
type BareDefault = string | number | boolean | null | readonly unknown[] | Readonly<object>;

/** One param after compilation. */
export interface CompiledParam {
  readonly name: string;
  /** The JSON schema: the spec without `default` and `description`. */
  readonly schema: Readonly<Record<string, unknown>>;
  readonly hasDefault: boolean;
  readonly default: unknown;
  readonly description: string | null;
}

/** A DAG's params after compilation, in definition order. */
export interface CompiledParams {
  readonly params: readonly CompiledParam[];
}

const SPEC_KEYS: ReadonlySet<string> = new Set([
  ...["default", "description", "title", "type", "enum", "const", "format", "pattern"],
  ...["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"],
  ...["minLength", "maxLength", "items", "minItems", "maxItems", "uniqueItems", "examples"],
  ...["properties", "required", "additionalProperties", "anyOf", "oneOf", "allOf", "not"],
]);

// Identifier-like, plus "-" (Airflow users write `params['dry-run']`); no dots, which paths use.
const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Python's jsonschema checks "time" as strptime("%H:%M:%S"), not RFC 3339: "12:13:14". */
function isPythonTime(text: string): boolean {
  const m = /^(\d{1,2}):(\d{1,2}):(\d{1,2})$/.exec(text);
  return m !== null && Number(m[1]) <= 23 && Number(m[2]) <= 59 && Number(m[3]) <= 61;
}

let ajv: Ajv | null = null;
const validators = new Map<string, ValidateFunction>();

/**
 * The cached validator of a schema. ajv starts on first use, so DAGs without params never pay
 * for it. Not strict: unknown keywords and formats (Airflow UI hints such as
 * `values_display` or format "multiline") are ignored, as Python's jsonschema does.
 */
function validatorFor(schema: Readonly<Record<string, unknown>>, path: string): ValidateFunction {
  const key = JSON.stringify(schema);
  const cached = validators.get(key);
  if (cached) return cached;
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, strict: false, verbose: true, logger: false });
    addFormats(ajv);
    ajv.addFormat("time", isPythonTime);
  }
  try {
    const validate = ajv.compile(schema);
    validators.set(key, validate);
    return validate;
  } catch (error) {
    throw new DagDefinitionError(
      "INVALID_PARAM",
      `${path}: invalid schema ${key}: ${(error as Error).message}`,
      { details: { field: path } },
    );
  }
}

function show(value: unknown): string {
  const text = value === undefined ? "undefined" : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** How a problem shows the offending value: plain for a run, marked for a DAG's default. */
type Got = (value: unknown, nested: boolean) => string;
const gotValue: Got = (value) => `got ${show(value)}`;
const gotDefault: Got = (value, nested) =>
  nested ? `got ${show(value)} in the default` : `got default ${show(value)}`;

/** One ajv error as `path: expected form, got value`. */
function describe(error: ErrorObject, path: string, got: Got): string {
  const where = `${path}${error.instancePath.replace(/\//g, ".")}`;
  const params = error.params as Record<string, unknown>;
  const value = got(error.data, error.instancePath !== "");
  switch (error.keyword) {
    case "required":
      return `${where}.${String(params.missingProperty)}: is required`;
    case "additionalProperties":
      return `${where}: must not have the property ${show(params.additionalProperty)}`;
    case "enum":
      return `${where}: must be one of ${show(params.allowedValues)}, ${value}`;
    case "type":
      return `${where}: must be ${String(params.type).split(",").join(" or ")}, ${value}`;
    default:
      return `${where}: ${error.message ?? "is invalid"}, ${value}`;
  }
}

/** The problems of `value` against `schema`, each naming its path; none for a valid value. */
function problemsOf(
  schema: Readonly<Record<string, unknown>>,
  value: unknown,
  path: string,
  got: Got = gotValue,
): string[] {
  if (Object.keys(schema).length === 0) return [];
  const validate = validatorFor(schema, path);
  if (validate(value)) return [];
  return [...new Set((validate.errors ?? []).map((e) => describe(e, path, got)))];
}

function isJsonValue(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  return isPlainObject(value) && Object.values(value).every(isJsonValue);
}

function isSpec(value: unknown): value is ParamSpec {
  return isPlainObject(value) && Object.keys(value).some((k) => SPEC_KEYS.has(k));
}

function invalid(path: string, message: string, value?: unknown): DagDefinitionError {
  return new DagDefinitionError("INVALID_PARAM", `${path}: ${message}`, {
    details: { field: path, value },
  });
}

function compileParam(name: string, raw: unknown, field: string): CompiledParam {
  const path = `${field}.${name}`;
  if (!PARAM_NAME.test(name))
    throw invalid(
      path,
      `param names must look like identifiers (letters, digits, _ or -), got ${show(name)}`,
      name,
    );
  const spec: Record<string, unknown> = isSpec(raw) ? { ...raw } : { default: raw };
  const { default: def, description, ...schema } = spec;
  if (description !== undefined && description !== null && typeof description !== "string")
    throw invalid(`${path}.description`, `must be a string, got ${show(description)}`, description);
  const hasDefault = def !== undefined;
  if (hasDefault && !isJsonValue(def))
    throw invalid(
      path,
      `the default must be a JSON value (string, number, boolean, null, array or plain object), got ${show(def)}`,
      def,
    );
  // Compiles the schema even without a default, so a broken schema fails at definition.
  if (!hasDefault && Object.keys(schema).length > 0) validatorFor(schema, path);
  const problems = hasDefault ? problemsOf(schema, def, path, gotDefault) : [];
  if (problems.length > 0)
    throw new DagDefinitionError("INVALID_PARAM", problems.join("; "), {
      details: { field: path, value: def, problems },
    });
  return { name, schema, hasDefault, default: def, description: description ?? null };
}

/**
 * Checks param names and schemas, and every default against its schema (Airflow's DagBag
 * does this): DagDefinitionError INVALID_PARAM naming `<field>.<name>`. Params without a
 * default are allowed; a run must then supply them.
 */
export function compileParams(definition: ParamsDefinition, field = "params"): CompiledParams {
  if (!isPlainObject(definition))
    throw invalid(field, `expected an object of params, got ${show(definition)}`, definition);
  return {
    params: Object.entries(definition).map(([name, raw]) => compileParam(name, raw, field)),
  };
}

/** Names of params without a default (Airflow refuses a schedule on such a DAG). */
export function paramsWithoutDefault(compiled: CompiledParams): string[] {
  return compiled.params.filter((p) => !p.hasDefault).map((p) => p.name);
}

/**
 * The params of a run: defaults overridden by `conf` (Airflow's dag_run_conf_overrides_params),
 * every one validated. Conf keys that are not params are ignored here (they stay in conf).
 * Throws PARAM_VALIDATION listing every problem by path (`details.problems`).
 */
export function resolveParams(
  compiled: CompiledParams,
  conf: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const param of compiled.params) {
    const path = `params.${param.name}`;
    const given = Object.hasOwn(conf, param.name) && conf[param.name] !== undefined;
    if (!given && !param.hasDefault) {
      problems.push(`${path}: is required and has no default`);
      continue;
    }
    // A copy, so a template that mutates its params cannot change the DAG's default.
    const value = given ? conf[param.name] : structuredClone(param.default);
    const found = problemsOf(param.schema, value, path);
    if (found.length === 0) values[param.name] = value;
    problems.push(...found);
  }
  if (problems.length > 0)
    throw new UpdraftError("PARAM_VALIDATION", `invalid params: ${problems.join("; ")}`, {
      details: { problems },
    });
  return values;
}

/** The serialized form of one param: Airflow 3's `Param.dump()`. */
export interface SerializedParam {
  __class: "airflow.sdk.definitions.param.Param";
  value: unknown;
  description: string | null;
  schema: Record<string, unknown>;
  source: null;
  /** Present (false) only for a param without a default: Airflow's value null is ambiguous. */
  has_default?: false;
}

/** Airflow 3's serialized params: `{ name: { __class, value, description, schema, source } }`. */
export function serializeParams(compiled: CompiledParams): Record<string, SerializedParam> {
  return Object.fromEntries(
    compiled.params.map((p): [string, SerializedParam] => [
      p.name,
      {
        __class: "airflow.sdk.definitions.param.Param",
        value: p.hasDefault ? p.default : null,
        description: p.description,
        schema: { ...p.schema },
        source: null,
        ...(p.hasDefault ? {} : { has_default: false as const }),
      },
    ]),
  );
}

/** Rebuilds compiled params from serializeParams' output (e.g. to validate a trigger's conf). */
export function deserializeParams(json: Readonly<Record<string, unknown>>): CompiledParams {
  return {
    params: Object.entries(json).map(([name, raw]): CompiledParam => {
      if (!isPlainObject(raw) || !isPlainObject(raw.schema ?? {}))
        throw new UpdraftError(
          "SERIALIZATION_ERROR",
          `params.${name}: expected a serialized Param { value, description, schema }, got ${show(raw)}`,
        );
      const description = raw.description;
      return {
        name,
        schema: (raw.schema ?? {}) as Record<string, unknown>,
        hasDefault: raw.has_default !== false,
        default: raw.has_default === false ? undefined : (raw.value ?? null),
        description: typeof description === "string" ? description : null,
      };
    }),
  };
}
