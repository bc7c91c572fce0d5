// Builds Airflow 3's template context for one task instance: ds, ts, data_interval_*, run_id,
// params, var, conn, macros… Date keys exist only when the run has a logical date, so using
// them in a run without one is an undefined-name error, as in Airflow 3.
import type { ConnectionAccessor, VariableAccessor } from "./connection";
import { UpdraftError } from "./errors";
import { buildMacros } from "./macros";
import { TemplateDateTime } from "./pyDateTime";

/** What the context is built from. */
export interface TemplateContextInput {
  dagId: string;
  taskId: string;
  runId: string;
  mapIndex: number;
  tryNumber: number;
  logicalDate: Date | null;
  dataIntervalStart: Date | null;
  dataIntervalEnd: Date | null;
  runAfter: Date;
  prevDataIntervalStartSuccess?: Date | null;
  prevDataIntervalEndSuccess?: Date | null;
  prevStartDateSuccess?: Date | null;
  prevEndDateSuccess?: Date | null;
  params: Record<string, unknown>;
  dag?: unknown;
  task?: unknown;
  ti?: unknown;
  dagRun?: unknown;
  variables: VariableAccessor;
  connections: ConnectionAccessor;
  /** The moment of rendering (macros.datetime_diff_for_humans' default base). */
  now: Date;
  /** More keys, e.g. `exception` for failure callbacks. */
  extra?: Record<string, unknown>;
}

const PASSTHROUGH = new Set([
  "toString",
  "valueOf",
  "toJSON",
  "then",
  "constructor",
  "inspect",
  "length",
]);

/** An object whose every attribute is looked up by `lookup`; a missing one is a clear error. */
function lookupProxy(
  lookup: (key: string) => unknown,
  missing: (key: string) => string,
  methods: Record<string, unknown>,
): object {
  return new Proxy(methods, {
    get(target, prop) {
      if (typeof prop === "symbol" || PASSTHROUGH.has(prop)) return undefined;
      if (Object.hasOwn(target, prop)) return target[prop];
      const value = lookup(prop);
      if (value === undefined) throw new UpdraftError("TEMPLATE_ERROR", missing(prop));
      return value;
    },
    has: (target, prop) =>
      typeof prop === "string" && (Object.hasOwn(target, prop) || lookup(prop) !== undefined),
  });
}

function variablesNamespace(variables: VariableAccessor): Record<string, object> {
  const missing = (key: string): string => `variable ${key} does not exist`;
  const json = (key: string): unknown => {
    const text = variables.get(key);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new UpdraftError("TEMPLATE_ERROR", `variable ${key} is not valid JSON`);
    }
  };
  return {
    value: lookupProxy((k) => variables.get(k), missing, {
      get: (k: string, fallback: unknown = null) => variables.get(k) ?? fallback,
    }),
    json: lookupProxy(json, missing, {
      get: (k: string, fallback: unknown = null) => json(k) ?? fallback,
    }),
  };
}

function connectionsNamespace(connections: ConnectionAccessor): object {
  return lookupProxy(
    (id) => connections.get(id),
    (id) => `connection ${id} is not defined`,
    {
      get: (id: string, fallback: unknown = null) => connections.get(id) ?? fallback,
    },
  );
}

function dateKeys(input: TemplateContextInput): Record<string, unknown> {
  if (input.logicalDate === null) return {};
  const logical = new TemplateDateTime(input.logicalDate);
  const optional = (date: Date | null | undefined): TemplateDateTime | null =>
    date ? new TemplateDateTime(date) : null;
  const ds = logical.strftime("%Y-%m-%d");
  const ts = logical.isoformat();
  return {
    logical_date: logical,
    ds,
    ds_nodash: ds.replace(/-/g, ""),
    ts,
    ts_nodash: logical.strftime("%Y%m%dT%H%M%S"),
    ts_nodash_with_tz: ts.replace(/[-:]/g, ""),
    data_interval_start: optional(input.dataIntervalStart),
    data_interval_end: optional(input.dataIntervalEnd),
    prev_data_interval_start_success: optional(input.prevDataIntervalStartSuccess),
    prev_data_interval_end_success: optional(input.prevDataIntervalEndSuccess),
  };
}

/** The template context of one task instance (Airflow 3's keys). */
export function buildTemplateContext(input: TemplateContextInput): Record<string, unknown> {
  const dates = dateKeys(input);
  const keySuffix = input.logicalDate === null ? input.runId : (dates.ds_nodash as string);
  return {
    dag: input.dag ?? { dag_id: input.dagId },
    dag_run: input.dagRun ?? {
      run_id: input.runId,
      logical_date: dates.logical_date ?? null,
      run_after: new TemplateDateTime(input.runAfter),
    },
    task: input.task ?? { task_id: input.taskId },
    ti: input.ti ?? {
      task_id: input.taskId,
      dag_id: input.dagId,
      run_id: input.runId,
      map_index: input.mapIndex,
      try_number: input.tryNumber,
    },
    task_instance: input.ti ?? {
      task_id: input.taskId,
      dag_id: input.dagId,
      run_id: input.runId,
      map_index: input.mapIndex,
      try_number: input.tryNumber,
    },
    run_id: input.runId,
    map_index: input.mapIndex,
    try_number: input.tryNumber,
    params: input.params,
    var: variablesNamespace(input.variables),
    conn: connectionsNamespace(input.connections),
    macros: buildMacros(input.now),
    inlets: [],
    outlets: [],
    task_instance_key_str: `${input.dagId}__${input.taskId}__${keySuffix}`,
    prev_start_date_success: input.prevStartDateSuccess
      ? new TemplateDateTime(input.prevStartDateSuccess)
      : null,
    prev_end_date_success: input.prevEndDateSuccess
      ? new TemplateDateTime(input.prevEndDateSuccess)
      : null,
    ...dates,
    ...(input.extra ?? {}),
  };
}
