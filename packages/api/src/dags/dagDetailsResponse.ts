// A DAG as Airflow's DAGDetailsResponse: DAGResponse plus what only the serialized DAG knows
// (catchup, dates, params, default args, docs, timezone, the asset schedule). Updraft keeps no
// DAG versions (latest_dag_version null), favourites (false) or owner links (null).
import type { SerializedDag } from "@updraft/sdk";
import type { DagResponseRow, SerializedDagRow } from "@updraft/store";
import { apiDate } from "../serialize/datetime";
import { assetExpression } from "./assetExpression";
import { type DagResponseBody, dagResponse } from "./dagResponse";
import { isoDuration } from "./timeDelta";

/** Airflow's DAGDetailsResponse. */
export interface DagDetailsResponseBody extends DagResponseBody {
  readonly catchup: boolean;
  readonly dag_run_timeout: string | null;
  readonly asset_expression: Record<string, unknown> | null;
  readonly doc_md: string | null;
  readonly start_date: string | null;
  readonly end_date: string | null;
  readonly is_paused_upon_creation: boolean | null;
  readonly params: Readonly<Record<string, unknown>> | null;
  readonly render_template_as_native_obj: boolean;
  readonly template_search_path: readonly string[] | null;
  readonly timezone: string | null;
  readonly last_parsed: string | null;
  readonly default_args: Readonly<Record<string, unknown>> | null;
  readonly owner_links: Readonly<Record<string, string>> | null;
  readonly is_favorite: boolean;
  readonly active_runs_count: number;
  readonly concurrency: number;
  readonly latest_dag_version: null;
}

/** What the details are built from. */
export interface DagDetailsSource {
  readonly dag: DagResponseRow;
  readonly serialized: SerializedDagRow;
  /** Queued plus running runs of the DAG. */
  readonly activeRunsCount: number;
}

/** The DAGDetailsResponse of a DAG; `secret` signs the file token. */
export function dagDetailsResponse(
  source: DagDetailsSource,
  secret: string,
): DagDetailsResponseBody {
  const body: SerializedDag["dag"] = source.serialized.data.dag;
  return {
    ...dagResponse(source.dag, secret),
    catchup: body.catchup,
    dag_run_timeout: isoDuration(body.dagrun_timeout),
    asset_expression: body.schedule_assets === null ? null : assetExpression(body.schedule_assets),
    doc_md: body.doc_md,
    start_date: apiDate(body.start_date),
    end_date: apiDate(body.end_date),
    is_paused_upon_creation: body.is_paused_upon_creation,
    params: body.params,
    render_template_as_native_obj: false,
    template_search_path: null,
    timezone: body.timezone,
    last_parsed: apiDate(source.serialized.lastUpdated),
    default_args: body.default_args,
    owner_links: null,
    is_favorite: false,
    active_runs_count: source.activeRunsCount,
    concurrency: source.dag.maxActiveTasks,
    latest_dag_version: null,
  };
}
