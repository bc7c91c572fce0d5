// A DAG's schedule as an operator reads it: Airflow's own words for the timetable when it has
// them, cron in words (cronstrue) when only the expression is known, else the summary itself.
import cronstrue from "cronstrue";
import type { Dag } from "../../api/types";

const CRON = /^(\S+\s+){4}\S+(\s+\S+)?$/;

export function scheduleInWords(
  dag: Pick<Dag, "timetable_summary" | "timetable_description">,
): string {
  const summary = dag.timetable_summary;
  if (dag.timetable_description !== null && dag.timetable_description !== "")
    return dag.timetable_description;
  if (summary === null || summary === "" || summary === "None") return "Not scheduled";
  if (CRON.test(summary)) {
    try {
      return cronstrue.toString(summary, { use24HourTimeFormat: true });
    } catch {
      return summary;
    }
  }
  return summary;
}
