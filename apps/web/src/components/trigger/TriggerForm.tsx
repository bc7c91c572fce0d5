// The trigger form: a field per param (checked as the user types, messages shown once a field
// is left or the form is sent), the Advanced area, and the API's refusal in words. Sending
// posts TriggerDAGRunPostBody and, once the run exists, opens its page.
import { type FormEvent, useMemo, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { useTriggerDagRun } from "../../api/dags";
import type { DagParam } from "../../api/types";
import { errorText } from "../ErrorMessage";
import {
  confFromFields,
  type ExtraConf,
  fieldProblem,
  fieldsFromConf,
  type FieldTexts,
  formatConf,
  initialTexts,
  parseConfJson,
} from "./confJson";
import { dateToLocalInput, localInputToIso } from "./localDateTime";
import { paramFields } from "./paramField";
import { ParamFieldInput } from "./ParamFieldInput";
import { TriggerAdvanced } from "./TriggerAdvanced";

export interface TriggerFormProps {
  readonly dagId: string;
  readonly params: Readonly<Record<string, DagParam>> | null;
  /** When the dialog opened: the default logical date. */
  readonly openedAt: Date;
  readonly onCancel: () => void;
  readonly onTriggered: () => void;
}

export function TriggerForm({ dagId, params, openedAt, onCancel, onTriggered }: TriggerFormProps) {
  const fields = useMemo(() => paramFields(params), [params]);
  const navigate = useNavigate();
  const trigger = useTriggerDagRun(dagId);
  const formRef = useRef<HTMLFormElement>(null);
  const [texts, setTexts] = useState<FieldTexts>(() => initialTexts(fields));
  const [extra, setExtra] = useState<ExtraConf>({});
  const [confText, setConfText] = useState(() =>
    formatConf(confFromFields(fields, initialTexts(fields), {})),
  );
  const [confError, setConfError] = useState<string | null>(null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  // With no params the Advanced area is all there is to fill in: open it.
  const [advancedOpen, setAdvancedOpen] = useState(() => fields.length === 0);
  const [logicalDate, setLogicalDate] = useState(() => dateToLocalInput(openedAt));
  const [runId, setRunId] = useState("");
  const [note, setNote] = useState("");

  const problems = Object.fromEntries(
    fields.map((f) => [f.name, fieldProblem(f, texts[f.name] ?? "")]),
  );
  const logicalDateIso = logicalDate.trim() === "" ? null : localInputToIso(logicalDate);
  const logicalDateError =
    logicalDate.trim() !== "" && logicalDateIso === null
      ? "Logical date: must be a date and time"
      : null;

  const changeField = (name: string, text: string) => {
    const next = { ...texts, [name]: text };
    setTexts(next);
    // JSON being fixed by hand is left as typed: rewriting it would lose the user's edit.
    if (confError === null) setConfText(formatConf(confFromFields(fields, next, extra)));
  };
  const changeConfText = (text: string) => {
    setConfText(text);
    const parsed = parseConfJson(text);
    if (!parsed.ok) return setConfError(parsed.error);
    const synced = fieldsFromConf(fields, parsed.conf);
    setTexts(synced.texts);
    setExtra(synced.extra);
    setConfError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const invalid = fields.find((f) => problems[f.name] !== null);
    if (invalid !== undefined || confError !== null || logicalDateError !== null) {
      if (invalid === undefined) setAdvancedOpen(true);
      const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      first?.focus();
      return;
    }
    const run = await trigger.mutateAsync({
      logical_date: logicalDateIso,
      conf: confFromFields(fields, texts, extra),
      ...(runId.trim() === "" ? {} : { dag_run_id: runId.trim() }),
      ...(note.trim() === "" ? {} : { note: note.trim() }),
    });
    onTriggered();
    void navigate(
      `/dags/${encodeURIComponent(run.dag_id)}/runs/${encodeURIComponent(run.dag_run_id)}`,
    );
  };

  const blockers = [
    ...fields
      .map((f) => problems[f.name])
      .filter((p): p is string => p !== null && p !== undefined),
    ...(confError === null ? [] : [confError]),
    ...(logicalDateError === null ? [] : [logicalDateError]),
  ];

  return (
    <form
      ref={formRef}
      noValidate
      className="trigger-form"
      onSubmit={(event) => void submit(event).catch(() => undefined)}
    >
      <div className="trigger-body">
        {fields.length === 0 ? (
          <p className="muted">This DAG has no params; the run gets the configuration below.</p>
        ) : (
          <fieldset className="param-fields">
            <legend>Params</legend>
            {fields.map((field) => (
              <ParamFieldInput
                key={field.name}
                field={field}
                text={texts[field.name] ?? ""}
                error={submitted || touched.has(field.name) ? (problems[field.name] ?? null) : null}
                onChange={(text) => changeField(field.name, text)}
                onBlur={() => setTouched((current) => new Set(current).add(field.name))}
              />
            ))}
          </fieldset>
        )}
        <TriggerAdvanced
          logicalDate={logicalDate}
          onLogicalDate={setLogicalDate}
          runId={runId}
          onRunId={setRunId}
          note={note}
          onNote={setNote}
          confText={confText}
          onConfText={changeConfText}
          confError={confError}
          open={advancedOpen}
          onToggle={setAdvancedOpen}
        />
        {submitted && blockers.length > 0 && (
          <div className="error-message" role="alert">
            Fix {blockers.length === 1 ? "this" : `these ${blockers.length} problems`} to trigger:{" "}
            {blockers.join("; ")}
          </div>
        )}
        {trigger.error !== null && (
          <div className="error-message" role="alert">
            The run was not created: {errorText(trigger.error)}
          </div>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} disabled={trigger.isPending}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={trigger.isPending}>
          {trigger.isPending ? "Triggering…" : "Trigger"}
        </button>
      </div>
    </form>
  );
}
