// Facts about a task instance as label and value pairs, in a grid that wraps at narrow widths.
import type { ReactNode } from "react";

export type Field = readonly [label: string, value: ReactNode];

export function FieldList({
  fields,
  label,
}: {
  readonly fields: readonly Field[];
  readonly label?: string;
}) {
  return (
    <dl className="field-list" aria-label={label}>
      {fields.map(([name, value]) => (
        <div key={name} className="field">
          <dt>{name}</dt>
          <dd>{value ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
