// One param of the trigger form: its label (the param's title or name), its description, the
// input its schema calls for, and what is wrong with the value, tied to the input for screen
// readers (aria-describedby, aria-invalid).
import { useId } from "react";
import type { ParamField } from "./paramField";

export interface ParamFieldInputProps {
  readonly field: ParamField;
  readonly text: string;
  /** The message to show, or null (nothing wrong, or not to be shown yet). */
  readonly error: string | null;
  readonly onChange: (text: string) => void;
  readonly onBlur: () => void;
}

const HELP: Partial<Record<ParamField["kind"], string>> = {
  "string-list": "One item per line.",
  array: "A JSON array.",
  object: "A JSON object.",
  json: "A JSON value.",
};

export function ParamFieldInput({ field, text, error, onChange, onBlur }: ParamFieldInputProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const help = [field.description, HELP[field.kind]].filter((h) => h != null).join(" ");
  const describedBy =
    [help !== "" ? helpId : null, error !== null ? errorId : null].filter(Boolean).join(" ") ||
    undefined;
  const common = {
    id,
    name: field.name,
    "aria-describedby": describedBy,
    "aria-invalid": error !== null,
    "aria-required": field.required,
    onBlur,
  };
  const label =
    field.kind === "boolean" ? null : (
      <div className="param-label">
        <label htmlFor={id}>{field.label}</label>
        {field.required && (
          <span className="param-required" aria-hidden="true" title="Required">
            *
          </span>
        )}
      </div>
    );
  return (
    <div className="param-field" data-kind={field.kind}>
      {label}
      <FieldControl field={field} text={text} onChange={onChange} common={common} />
      {help !== "" && (
        <span className="field-help" id={helpId}>
          {help}
        </span>
      )}
      {error !== null && (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      )}
    </div>
  );
}

interface ControlProps {
  readonly field: ParamField;
  readonly text: string;
  readonly onChange: (text: string) => void;
  readonly common: {
    readonly id: string;
    readonly name: string;
    readonly "aria-describedby": string | undefined;
    readonly "aria-invalid": boolean;
    readonly "aria-required": boolean;
    readonly onBlur: () => void;
  };
}

function FieldControl({ field, text, onChange, common }: ControlProps) {
  switch (field.kind) {
    case "boolean":
      return (
        <label className="inline" htmlFor={common.id}>
          <input
            {...common}
            type="checkbox"
            checked={text === "true"}
            onChange={(event) => onChange(event.target.checked ? "true" : "false")}
          />
          {field.label}
        </label>
      );
    case "enum":
      return (
        <select {...common} value={text} onChange={(event) => onChange(event.target.value)}>
          {(field.nullable || field.required || text === "") && (
            <option value="">{field.required ? "Choose…" : "— none —"}</option>
          )}
          {field.options.map((option) => (
            <option key={JSON.stringify(option.value)} value={JSON.stringify(option.value)}>
              {option.label}
            </option>
          ))}
        </select>
      );
    case "integer":
    case "number":
      return (
        <input
          {...common}
          type="text"
          inputMode={field.kind === "integer" ? "numeric" : "decimal"}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case "date":
      return (
        <input {...common} type="date" value={text} onChange={(e) => onChange(e.target.value)} />
      );
    case "date-time":
      return (
        <input
          {...common}
          type="datetime-local"
          step={1}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case "time":
      return (
        <input
          {...common}
          type="time"
          step={1}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case "multiline":
    case "string-list":
    case "array":
    case "object":
    case "json":
      return (
        <textarea
          {...common}
          rows={field.kind === "multiline" || field.kind === "string-list" ? 3 : 4}
          spellCheck={false}
          className={field.kind === "multiline" ? "param-multiline" : undefined}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case "null":
      return <input {...common} type="text" value="null" readOnly disabled />;
    case "string":
      return (
        <input
          {...common}
          type="text"
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      );
  }
}
