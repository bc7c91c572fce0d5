// The options of a clear or mark action as checkboxes, one per option, in Airflow's words.
export interface CheckboxOption<K extends string> {
  readonly key: K;
  readonly label: string;
  readonly help: string;
}

export interface OptionCheckboxesProps<K extends string> {
  readonly legend: string;
  readonly options: readonly CheckboxOption<K>[];
  readonly values: Readonly<Record<K, boolean>>;
  readonly onChange: (key: K, checked: boolean) => void;
}

export function OptionCheckboxes<K extends string>(props: OptionCheckboxesProps<K>) {
  return (
    <fieldset className="option-checkboxes">
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option.key} className="inline" title={option.help}>
          <input
            type="checkbox"
            checked={props.values[option.key]}
            onChange={(event) => props.onChange(option.key, event.target.checked)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The relatives Airflow's clear and mark actions can take along. */
export const RELATIVE_OPTIONS = [
  { key: "past", label: "Past", help: "The same task in earlier runs" },
  { key: "future", label: "Future", help: "The same task in later runs" },
  { key: "upstream", label: "Upstream", help: "The tasks this one depends on" },
  { key: "downstream", label: "Downstream", help: "The tasks that depend on this one" },
] as const;
