import { useId } from "react";

/** A labelled select of an admin form. */
export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
  help,
  disabled,
}: {
  readonly label: string;
  readonly value: V;
  readonly options: readonly V[];
  readonly onChange: (value: V) => void;
  readonly help?: string;
  readonly disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={help === undefined ? undefined : `${id}-help`}
        onChange={(event) => onChange(event.target.value as V)}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      {help !== undefined && (
        <span id={`${id}-help`} className="field-help">
          {help}
        </span>
      )}
    </div>
  );
}
