// Human words for a cron expression, as Airflow shows them (`timetable_description`): 24-hour
// times, and "(or)" when both day fields are set, because cron fires when either matches.
import cronstrue from "cronstrue";

function describe(expression: string): string {
  return cronstrue.toString(expression, {
    use24HourTimeFormat: true,
    throwExceptionOnParseError: true,
  });
}

/**
 * Describes a 5-field cron expression, e.g. "0 0 * * *" → "At 00:00". Returns "" when the
 * expression cannot be described, as Airflow does.
 */
export function describeCron(expression: string): string {
  try {
    const fields = expression.trim().split(/\s+/);
    const dayOfMonth = fields[2];
    const dayOfWeek = fields[4];
    if (fields.length !== 5 || dayOfMonth === "*" || dayOfWeek === "*") return describe(expression);
    const byDayOfMonth = [...fields.slice(0, 4), "*"].join(" ");
    const byDayOfWeek = [...fields.slice(0, 2), "*", fields[3], dayOfWeek].join(" ");
    return `${describe(byDayOfMonth)} (or) ${describe(byDayOfWeek)}`;
  } catch {
    return "";
  }
}
