// The trigger form's "Advanced" area (closed at first, as in Airflow): the logical date (now by
// default; empty for a run without one), a run id of one's own, a note, and the whole
// configuration JSON, kept in step with the param fields above it.
import { useId } from "react";

export interface TriggerAdvancedProps {
  readonly logicalDate: string;
  readonly onLogicalDate: (value: string) => void;
  readonly runId: string;
  readonly onRunId: (value: string) => void;
  readonly note: string;
  readonly onNote: (value: string) => void;
  readonly confText: string;
  readonly onConfText: (value: string) => void;
  readonly confError: string | null;
  /** Opened from outside when the JSON holds the problem to fix. */
  readonly open: boolean;
  readonly onToggle: (open: boolean) => void;
}

export function TriggerAdvanced(props: TriggerAdvancedProps) {
  const id = useId();
  return (
    <details
      className="trigger-advanced"
      open={props.open}
      onToggle={(event) => props.onToggle(event.currentTarget.open)}
    >
      <summary>Advanced</summary>
      <div className="trigger-advanced-fields">
        <label htmlFor={`${id}-date`}>Logical date</label>
        <input
          id={`${id}-date`}
          type="datetime-local"
          step={1}
          value={props.logicalDate}
          aria-describedby={`${id}-date-help`}
          onChange={(event) => props.onLogicalDate(event.target.value)}
        />
        <span className="field-help" id={`${id}-date-help`}>
          Your local time. Leave empty for a run without a logical date.
        </span>
        <label htmlFor={`${id}-run`}>Run ID</label>
        <input
          id={`${id}-run`}
          type="text"
          value={props.runId}
          placeholder="manual__… (made up when empty)"
          onChange={(event) => props.onRunId(event.target.value)}
        />
        <label htmlFor={`${id}-note`}>Note</label>
        <input
          id={`${id}-note`}
          type="text"
          value={props.note}
          onChange={(event) => props.onNote(event.target.value)}
        />
        <label htmlFor={`${id}-conf`}>Configuration JSON</label>
        <textarea
          id={`${id}-conf`}
          className="trigger-conf"
          rows={8}
          spellCheck={false}
          value={props.confText}
          aria-invalid={props.confError !== null}
          aria-describedby={props.confError === null ? undefined : `${id}-conf-error`}
          onChange={(event) => props.onConfText(event.target.value)}
        />
        {props.confError !== null && (
          <span className="field-error" id={`${id}-conf-error`}>
            {props.confError}
          </span>
        )}
      </div>
    </details>
  );
}
