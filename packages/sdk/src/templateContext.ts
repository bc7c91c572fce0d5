// Builds Airflow 3's template context for one task instance: ds, ts, data_interval_*, run_id,
// params, var, conn, macros… Date keys exist only when the run has a logical date, so using
// them in a run without one is an undefined-name error, as in Airflow 3.
import type { ConnectionAccessor, VariableAccessor } from "./connection";
import { UpdraftError } from "./errors";
import { buildMacros } from "./macros";
import { TemplateDateTime } from "./pyDateTime";

/** What the template context of one task instance is built from. */
export interface TemplateContextInput {
  dagId: string;
  taskId: string;
  runId: string;
  /** -1 for an unmapped task. */
  mapIndex: number;
  tryNumber: number;
  /** Null for runs without a logical date (Airflow 3 manual and asset-triggered runs). */
  logicalDate: Date | null;
  dataIntervalStart: Date | null;
  dataIntervalEnd: Date | null;
  runAfter: Date;
  /** From the previous successful run of this DAG; null or absent when there is none. */
  prevDataIntervalStartSuccess?: Date | null;
  prevDataIntervalEndSuccess?: Date | null;
  prevStartDateSuccess?: Date | null;
  prevEndDateSuccess?: Date | null;
  /** Resolved params: DAG params with the run's conf applied (see resolveParams). */
  params: Record<string, unknown>;
  /** Objects templates see as `dag`, `task`, `ti` / `task_instance`, `dag_run`. */
  dag?: unknown;
  task?: unknown;
  ti?: unknown;
  dagRun?: unknown;
  variables: VariableAccessor;
  connections: ConnectionAccessor;
  /** The moment of rendering (macros.datetime_diff_for_humans' default base). */
  now: Date;
  /** More keys, e.g. `exception` for failure callbacks or `map_index_template`; they win. */
  extra?: Record<string, unknown>;
}

// Names JS machinery probes on any object (printing, awaiting, inspecting): never variables.
const PASSTHROUGH: ReadonlySet<string> = new Set([
  "toString",
  "valueOf",
  "toJSON",
  "then",
  "constructor",
  "inspect",
  "length",
  "__keywords",
]);

/**
 * An object whose every attribute is looked up by `lookup` (`var.value.anything`); a missing one
 * is a clear TEMPLATE_ERROR. Its own `methods` (e.g. `get`) win over lookups. The string tag
 * keeps nunjucks' Jinja compat from replacing `get` with dict.get.
 */
function lookupProxy(
  tag: string,
  lookup: (key: string) => unknown,
  missing: (key: string) => string,
  methods: Record<string, unknown>,
): object {
  // Not `{ ...methods, … }`: V8 builds a literal that starts with a spread ~20× slower, and
  // every try's context builds these.
  const target: Record<string | symbol, unknown> = Object.assign({}, methods);
  target[Symbol.toStringTag] = tag;
  return new Proxy(target, {
    get(obj, prop) {
      if (prop === Symbol.toStringTag) return tag;
      if (typeof prop === "symbol" || PASSTHROUGH.has(prop)) return undefined;
      if (Object.hasOwn(obj, prop)) return obj[prop];
      const value = lookup(prop);
      if (value === undefined) throw new UpdraftError("TEMPLATE_ERROR", missing(prop));
      return value;
    },
    has: (obj, prop) =>
      typeof prop === "string" && (Object.hasOwn(obj, prop) || lookup(prop) !== undefined),
  });
}

/** A `get()` default given positionally or as a nunjucks keyword (`default_var="x"`). */
function fallbackOf(arg: unknown, keywords: readonly string[]): unknown {
  if (typeof arg !== "object" || arg === null || !("__keywords" in arg)) return arg ?? null;
  const kw = arg as Record<string, unknown>;
  const name = keywords.find((k) => Object.hasOwn(kw, k));
  return name === undefined ? null : kw[name];
}

function parseVariable(key: string, text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UpdraftError(
      "TEMPLATE_ERROR",
      `variable ${key} is not valid JSON, got ${JSON.stringify(text)}`,
    );
  }
}

/** `var.value.KEY`, `var.json.KEY` and their `get(key, default = None)`. */
function variablesNamespace(variables: VariableAccessor): Record<string, object> {
  const missing = (key: string): string => `variable ${key} does not exist`;
  const json = (key: string): unknown => parseVariable(key, variables.get(key));
  return {
    value: lookupProxy("VariableAccessor", (k) => variables.get(k), missing, {
      get: (k: string, fallback?: unknown) =>
        variables.get(k) ?? fallbackOf(fallback, ["default_var", "default"]),
    }),
    json: lookupProxy("VariableAccessor", json, missing, {
      get: (k: string, fallback?: unknown) =>
        json(k) ?? fallbackOf(fallback, ["default_var", "default"]),
    }),
  };
}

/** `conn.CONN_ID` and `conn.get(conn_id, default = None)`. */
function connectionsNamespace(connections: ConnectionAccessor): object {
  return lookupProxy(
    "ConnectionAccessor",
    (id) => connections.get(id),
    (id) => `connection ${id} is not defined`,
    {
      get: (id: string, fallback?: unknown) =>
        connections.get(id) ?? fallbackOf(fallback, ["default_conn", "default"]),
    },
  );
}

function optionalDateTime(date: Date | null | undefined): TemplateDateTime | null {
  return date ? new TemplateDateTime(date) : null;
}

/** The keys Airflow 3 sets only when the run has a logical date. */
function logicalDateKeys(input: TemplateContextInput, logical: Date): Record<string, unknown> {
  const dt = new TemplateDateTime(logical);
  const ts = dt.isoformat();
  return {
    logical_date: dt,
    ds: dt.strftime("%Y-%m-%d"),
    ds_nodash: dt.strftime("%Y%m%d"),
    ts,
    ts_nodash: dt.strftime("%Y%m%dT%H%M%S"),
    ts_nodash_with_tz: ts.replace(/[-:]/g, ""),
    data_interval_start: optionalDateTime(input.dataIntervalStart),
    data_interval_end: optionalDateTime(input.dataIntervalEnd),
    prev_data_interval_start_success: optionalDateTime(input.prevDataIntervalStartSuccess),
    prev_data_interval_end_success: optionalDateTime(input.prevDataIntervalEndSuccess),
  };
}

/** Stand-ins for `dag`, `task`, `ti` and `dag_run` when the caller gives no richer objects. */
function runObjects(input: TemplateContextInput): Record<string, unknown> {
  const ti = input.ti ?? {
    dag_id: input.dagId,
    task_id: input.taskId,
    run_id: input.runId,
    map_index: input.mapIndex,
    try_number: input.tryNumber,
  };
  return {
    dag: input.dag ?? { dag_id: input.dagId },
    task: input.task ?? { task_id: input.taskId },
    ti,
    task_instance: ti,
    dag_run: input.dagRun ?? {
      dag_id: input.dagId,
      run_id: input.runId,
      logical_date: optionalDateTime(input.logicalDate),
      data_interval_start: optionalDateTime(input.dataIntervalStart),
      data_interval_end: optionalDateTime(input.dataIntervalEnd),
      run_after: new TemplateDateTime(input.runAfter),
    },
  };
}

/**
 * The template context of one task instance, with Airflow 3's keys. `logical_date`, `ds`, `ts`,
 * `data_interval_*` and `prev_data_interval_*_success` exist only when the run has a logical
 * date; `task_instance_key_str` then ends with `ds_nodash`, else with the run id.
 */
export function buildTemplateContext(input: TemplateContextInput): Record<string, unknown> {
  const dates = input.logicalDate === null ? {} : logicalDateKeys(input, input.logicalDate);
  const keySuffix = input.logicalDate === null ? input.runId : (dates.ds_nodash as string);
  // Assigned onto the run objects rather than spread into a literal: V8 builds a literal that
  // starts with a spread many times slower, and every try of every task builds one of these.
  return Object.assign(
    runObjects(input),
    {
      run_id: input.runId,
      try_number: input.tryNumber,
      params: input.params,
      var: variablesNamespace(input.variables),
      conn: connectionsNamespace(input.connections),
      macros: buildMacros(input.now),
      inlets: [],
      outlets: [],
      map_index_template: null,
      task_instance_key_str: `${input.dagId}__${input.taskId}__${keySuffix}`,
      prev_start_date_success: optionalDateTime(input.prevStartDateSuccess),
      prev_end_date_success: optionalDateTime(input.prevEndDateSuccess),
    },
    dates,
    input.extra ?? {},
  );
}
