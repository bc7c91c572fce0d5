// A labelled text input (or textarea) of an admin form, with its help and its problem, both
// tied to the input (aria-describedby) so a screen reader says them with the field.
import { type HTMLInputTypeAttribute, useId } from "react";

export interface TextFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly type?: HTMLInputTypeAttribute;
  /** A textarea instead of an input. */
  readonly multiline?: boolean;
  readonly help?: string;
  /** What is wrong with the value, shown under it. */
  readonly error?: string | null;
  readonly required?: boolean;
  readonly readOnly?: boolean;
  readonly disabled?: boolean;
  readonly autoComplete?: string;
  readonly placeholder?: string;
  /** Suggestions offered while typing (a <datalist>); any other value is allowed too. */
  readonly suggestions?: readonly string[];
  readonly autoFocus?: boolean;
  readonly inputMode?: "text" | "numeric";
  /** Spans the form's width. */
  readonly wide?: boolean;
}

export function TextField(props: TextFieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const listId = `${id}-list`;
  const describedBy =
    [props.help === undefined ? null : helpId, props.error ? errorId : null]
      .filter((part) => part !== null)
      .join(" ") || undefined;
  const common = {
    id,
    value: props.value,
    required: props.required,
    readOnly: props.readOnly,
    disabled: props.disabled,
    placeholder: props.placeholder,
    autoFocus: props.autoFocus,
    "aria-describedby": describedBy,
    "aria-invalid": props.error ? true : undefined,
  };
  return (
    <div className={props.wide === true || props.multiline === true ? "field wide" : "field"}>
      <label htmlFor={id}>{props.label}</label>
      {props.multiline === true ? (
        <textarea {...common} onChange={(event) => props.onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? "text"}
          autoComplete={props.autoComplete ?? "off"}
          inputMode={props.inputMode}
          list={props.suggestions === undefined ? undefined : listId}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
      {props.suggestions !== undefined && (
        <datalist id={listId}>
          {props.suggestions.map((option) => (
            <option key={option} value={option} />
          ))}
        </datalist>
      )}
      {props.help !== undefined && (
        <span id={helpId} className="field-help">
          {props.help}
        </span>
      )}
      {props.error ? (
        <span id={errorId} className="field-error">
          {props.error}
        </span>
      ) : null}
    </div>
  );
}
