import { useId } from "react";

/** A labelled checkbox of an admin form, with its help. */
export function CheckboxField({
  label,
  checked,
  onChange,
  help,
  disabled,
}: {
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly help?: string;
  readonly disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="field wide">
      <label className="inline" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          aria-describedby={help === undefined ? undefined : `${id}-help`}
          onChange={(event) => onChange(event.target.checked)}
        />
        {label}
      </label>
      {help !== undefined && (
        <span id={`${id}-help`} className="field-help">
          {help}
        </span>
      )}
    </div>
  );
}
