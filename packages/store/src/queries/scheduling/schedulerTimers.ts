// schedulerTimers: when the scheduler loop must wake up next on its own.
//   reads:   `task_instance` (partial state index), `task_reschedule`
//   locks:   none
//   returns: the earliest moment a retry or a sensor reschedule becomes due (null when none)
import type { SqlClient } from "../../sqlClient";
import { prepared } from "../../preparedStatements";

/** The next timed wake-up. */
export interface SchedulerTimers {
  readonly nextDueAt: Date | null;
}

/** Reads the scheduler's timers in one statement. */
export async function schedulerTimers(client: SqlClient): Promise<SchedulerTimers> {
  const result = await client.query<{ next_retry: Date | null; next_poke: Date | null }>(
    prepared(`select
       (select min(coalesce(next_retry_at, '-infinity')) from task_instance
          where state = 'up_for_retry') as next_retry,
       (select min(tr.reschedule_date) from task_instance ti
          join lateral (select reschedule_date from task_reschedule r
            where r.task_instance_id = ti.id order by r.id desc limit 1) tr on true
          where ti.state = 'up_for_reschedule') as next_poke`),
  );
  const row = result.rows[0]!;
  const dates = [row.next_retry, row.next_poke].filter((d): d is Date => d instanceof Date);
  const finite = dates.map((d) => (Number.isFinite(d.getTime()) ? d : new Date(0)));
  const nextDueAt =
    finite.length === 0 ? null : new Date(Math.min(...finite.map((d) => d.getTime())));
  return { nextDueAt };
}
