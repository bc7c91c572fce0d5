// findZombieTaskInstances: running (or restarting) tries whose worker stopped heartbeating
// (Airflow's task instances without heartbeats), for the scheduler to fail or retry.
//   locks:   the returned `task_instance` rows FOR UPDATE SKIP LOCKED until the transaction
//            ends; call it on a transaction's client to handle them under the lock (another
//            scheduler skips them meanwhile). Handle them with try-checked writes either way.
//   returns: the zombies, stalest heartbeat first
import { type TaskInstanceRow, taskInstanceFromRow } from "../../rows/taskInstanceRow";
import type { SqlClient } from "../../sqlClient";

/** Input of findZombieTaskInstances. */
export interface FindZombieTaskInstancesInput {
  /** A heartbeat older than this many seconds makes a zombie (Airflow's task_instance_heartbeat_timeout, 300). */
  readonly timeoutSeconds: number;
  /** @default 100 */
  readonly limit?: number;
  /** The database clock when omitted. */
  readonly now?: Date;
}

/** Lists running/restarting task instances whose last heartbeat is older than the timeout. */
export async function findZombieTaskInstances(
  client: SqlClient,
  input: FindZombieTaskInstancesInput,
): Promise<TaskInstanceRow[]> {
  const result = await client.query(
    `select * from task_instance
     where state in ('running', 'restarting')
       and coalesce(last_heartbeat_at, start_date, updated_at)
         < coalesce($1::timestamptz, now()) - make_interval(secs => $2::double precision)
     order by coalesce(last_heartbeat_at, start_date, updated_at), id
     limit $3
     for no key update skip locked`,
    [input.now ?? null, input.timeoutSeconds, input.limit ?? 100],
  );
  return result.rows.map(taskInstanceFromRow);
}
