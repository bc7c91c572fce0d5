// How one try went: its state, when it ran and for how long, and where.
import type { TaskInstanceHistory } from "../../api/types";
import { formatDate } from "../../format/formatDate";
import { formatDuration } from "../../format/formatDuration";
import { StateBadge } from "../StateBadge";
import { FieldList } from "./FieldList";

export function TrySummary({ attempt }: { readonly attempt: TaskInstanceHistory }) {
  return (
    <FieldList
      label={`Try ${attempt.try_number}`}
      fields={[
        ["State", <StateBadge key="state" state={attempt.state} />],
        ["Started", formatDate(attempt.start_date)],
        ["Ended", formatDate(attempt.end_date)],
        ["Duration", formatDuration(attempt.duration)],
        ["Hostname", attempt.hostname === "" ? null : attempt.hostname],
      ]}
    />
  );
}
