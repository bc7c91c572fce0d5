// schedule: assets. Airflow's AssetTriggeredTimetable: never creates runs by itself; the scheduler
// creates one when the asset condition it keeps is met.
import type { SerializedAssetCondition } from "../assets";
import type {
  DagRunInfo,
  DataInterval,
  NextDagRunInput,
  SerializedTimetable,
  Timetable,
} from "./timetable";

/** Runs when its asset condition is met, decided by the scheduler, never by time. */
export class AssetTriggeredTimetable implements Timetable {
  readonly type = "asset_triggered" as const;
  readonly summary = "Asset";
  readonly description = "Triggered by assets";
  readonly periodic = false;
  /** Which asset updates trigger a run (a list of assets means all of them). */
  readonly condition: SerializedAssetCondition;

  /** Keeps `condition` for the scheduler. */
  constructor(condition: SerializedAssetCondition) {
    this.condition = condition;
  }

  /** Always null: asset events, not time, create these runs. */
  nextDagRunInfo(_input?: NextDagRunInput): DagRunInfo | null {
    return null;
  }

  /** Null: runs of an asset-scheduled DAG carry no data interval. */
  inferManualDataInterval(_runAfter?: Date): DataInterval | null {
    return null;
  }

  /** `{ type: "asset_triggered", asset_condition }`. */
  serialize(): SerializedTimetable {
    return { type: this.type, asset_condition: this.condition };
  }
}
