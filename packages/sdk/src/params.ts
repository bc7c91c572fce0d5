// DAG params (Airflow's Param): JSON-schema validated values with defaults, checked when the DAG
// is defined (defaults) and when a run is created (defaults overridden by the run's conf).
import Ajv, { type ValidateFunction } from "ajv";
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
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** e.g. "date", "date-time", "time", "email", "uri". */
  format?: string;
  items?: Record<string, unknown>;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, unknown>;
  required?: readonly string[];
  additionalProperties?: boolean | Record<string, unknown>;
  examples?: readonly unknown[];
}

/**
 * A DAG's params: a ParamSpec, or a bare value meaning "this default, any type" (as Airflow
 * treats `params={"x": 5}`).
 */
export type ParamsDefinition = Readonly<
  Record<string, ParamSpec | string | number | boolean | null | readonly unknown[]>
>;

/** One param after compilation. */
export interface CompiledParam {
  readonly name: string;
  readonly schema: Readonly<Record<string, unknown>>;
  readonly hasDefault: boolean;
  readonly default: unknown;
  readonly description: string | null;
}

/** A DAG's params after compilation, in definition order. */
export interface CompiledParams {
  readonly params: readonly CompiledParam[];
}

const SCHEMA_KEYS = new Set([
  "type",
  "enum",
  "const",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "pattern",
  "format",
  "items",
  "minItems",
  "maxItems",
  "properties",
  "required",
  "additionalProperties",
  "examples",
  "title",
  "multipleOf",
  "uniqueItems",
  "anyOf",
  "oneOf",
  "allOf",
  "not",
]);

let ajv: Ajv | null = null;
const validators = new Map<string, ValidateFunction>();

function validatorFor(schema: Readonly<Record<string, unknown>>, field: string): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) {
    if (!ajv) {
      ajv = new Ajv({ allErrors: true, strict: false });
      addFormats(ajv);
    }
    try {
      validate = ajv.compile(schema);
    } catch (error) {
      throw new DagDefinitionError(
        "INVALID_PARAM",
        `${field}: invalid schema: ${(error as Error).message}`,
      );
    }
    validators.set(key, validate);
  }
  return validate;
}

function problemsOf(validate: ValidateFunction, path: string): string[] {
  return (validate.errors ?? []).map((e) => {
    const where = `${path}${e.instancePath.replace(/\//g, ".")}`;
    const allowed =
      e.keyword === "enum"
        ? ` ${JSON.stringify((e.params as { allowedValues: unknown }).allowedValues)}`
        : "";
    return `${where}: ${e.message ?? "is invalid"}${allowed}`;
  });
}

function isSpec(value: unknown): value is ParamSpec {
  return (
    isPlainObject(value) &&
    Object.keys(value).some((k) => k === "default" || k === "description" || SCHEMA_KEYS.has(k))
  );
}

/** Checks param names and schemas, and every default against its schema (DagBag does this). */
export function compileParams(definition: ParamsDefinition, field = "params"): CompiledParams {
  if (!isPlainObject(definition))
    throw new DagDefinitionError(
      "INVALID_PARAM",
      `${field}: expected an object of params, got ${JSON.stringify(definition)}`,
    );
  const params = Object.entries(definition).map(([name, raw]): CompiledParam => {
    const path = `${field}.${name}`;
    if (name.trim() === "" || /\s/.test(name))
      throw new DagDefinitionError(
        "INVALID_PARAM",
        `${field}: param names may not be empty or contain spaces, got ${JSON.stringify(name)}`,
      );
    const spec: ParamSpec = isSpec(raw) ? raw : { default: raw };
    const schema = Object.fromEntries(Object.entries(spec).filter(([k]) => SCHEMA_KEYS.has(k)));
    const hasDefault = Object.hasOwn(spec, "default");
    const compiled = {
      name,
      schema,
      hasDefault,
      default: spec.default,
      description: spec.description ?? null,
    };
    if (hasDefault) {
      const validate = validatorFor(schema, path);
      if (!validate(spec.default))
        throw new DagDefinitionError(
          "INVALID_PARAM",
          `${problemsOf(validate, path).join("; ")}, got default ${JSON.stringify(spec.default)}`,
          {
            details: { field: path, value: spec.default },
          },
        );
    }
    return compiled;
  });
  return { params };
}

/**
 * The params of a run: defaults overridden by `conf` (Airflow's dag_run_conf_overrides_params),
 * each validated. Throws PARAM_VALIDATION listing every problem by path.
 */
export function resolveParams(
  compiled: CompiledParams,
  conf: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const param of compiled.params) {
    const path = `params.${param.name}`;
    const given = Object.hasOwn(conf, param.name);
    if (!given && !param.hasDefault) {
      problems.push(`${path}: is required and has no default`);
      continue;
    }
    const value = given ? conf[param.name] : param.default;
    const validate = validatorFor(param.schema, path);
    if (validate(value)) values[param.name] = value;
    else problems.push(...problemsOf(validate, path));
  }
  if (problems.length > 0)
    throw new UpdraftError("PARAM_VALIDATION", problems.join("\n"), { details: { problems } });
  return values;
}

/** Airflow 3's serialized form: `{ name: { __class, value, description, schema, source } }`. */
export function serializeParams(compiled: CompiledParams): Record<string, unknown> {
  return Object.fromEntries(
    compiled.params.map((p) => [
      p.name,
      {
        __class: "airflow.sdk.definitions.param.Param",
        value: p.hasDefault ? (p.default ?? null) : null,
        description: p.description,
        schema: p.schema,
        source: null,
        ...(p.hasDefault ? {} : { has_default: false }),
      },
    ]),
  );
}

/** Rebuilds compiled params from their serialized form (to validate a trigger's conf). */
export function deserializeParams(json: Readonly<Record<string, unknown>>): CompiledParams {
  return {
    params: Object.entries(json).map(([name, raw]) => {
      const entry = raw as {
        value?: unknown;
        description?: string | null;
        schema?: Record<string, unknown>;
        has_default?: boolean;
      };
      return {
        name,
        schema: entry.schema ?? {},
        hasDefault: entry.has_default !== false,
        default: entry.value ?? null,
        description: entry.description ?? null,
      };
    }),
  };
}
