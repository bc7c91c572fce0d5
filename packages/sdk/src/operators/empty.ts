// EmptyOperator: a task that does nothing; useful as a join or a marker. The scheduler may
// finish it without sending it to a worker (Airflow does the same).
import { BaseOperator } from "../operator";

/** A task that does nothing (Airflow's EmptyOperator). */
export class EmptyOperator extends BaseOperator<null> {
  static override readonly uiColor = "#e8f7e4";

  override execute(): null {
    return null;
  }

  override serializeFields(): Record<string, unknown> {
    return { is_empty: true };
  }
}
