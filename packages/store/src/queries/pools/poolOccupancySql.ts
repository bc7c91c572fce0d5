// The slot usage of a page of pools, as CTEs after a `page` CTE of slot_pool rows: what the
// pools list and the API's pools page both report (running, queued, scheduled, deferred,
// occupied slots).

/** `used as (…), stats as (…)`: pool usage of the rows of CTE `page`, as CTE `stats`. */
export const POOL_OCCUPANCY_CTES = `used as (
       select ti.pool,
         coalesce(sum(ti.pool_slots) filter (where ti.state = 'running'), 0) as running_slots,
         coalesce(sum(ti.pool_slots) filter (where ti.state = 'queued'), 0) as queued_slots,
         coalesce(sum(ti.pool_slots) filter (where ti.state = 'scheduled'), 0) as scheduled_slots,
         coalesce(sum(ti.pool_slots) filter (where ti.state = 'deferred'), 0) as deferred_slots
       from task_instance ti
       where ti.pool in (select pool from page)
         and ti.state in ('running', 'queued', 'scheduled', 'deferred')
       group by ti.pool
     ), stats as (
       select page.*,
         coalesce(u.running_slots, 0)::int as running_slots,
         coalesce(u.queued_slots, 0)::int as queued_slots,
         coalesce(u.scheduled_slots, 0)::int as scheduled_slots,
         coalesce(u.deferred_slots, 0)::int as deferred_slots,
         (coalesce(u.running_slots, 0) + coalesce(u.queued_slots, 0)
           + case when page.include_deferred then coalesce(u.deferred_slots, 0) else 0 end
         )::int as occupied_slots
       from page left join used u on u.pool = page.pool
     )`;
