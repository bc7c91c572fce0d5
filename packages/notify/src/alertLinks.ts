// Links from alerts into the UI: Airflow 3's TaskInstance.log_url shape, so a link copied from
// an Updraft alert reads like one from Airflow.
import type { AlertFacts } from "./alertFacts";

/** The UI page an alert points at, or null without a base URL. */
export function alertUrl(facts: AlertFacts, baseUrl: string | null): string | null {
  if (baseUrl === null || baseUrl === "") return null;
  const base = baseUrl.replace(/\/+$/, "");
  const run = `${base}/dags/${encodeURIComponent(facts.dagId)}/runs/${encodeURIComponent(facts.runId)}`;
  if (facts.scope === "dag" || facts.taskId === null) return run;
  const mapped = facts.mapIndex >= 0 ? `/mapped/${facts.mapIndex}` : "";
  const tryPart =
    facts.tryNumber !== null && facts.tryNumber > 0 ? `?try_number=${facts.tryNumber}` : "";
  return `${run}/tasks/${encodeURIComponent(facts.taskId)}${mapped}${tryPart}`;
}
