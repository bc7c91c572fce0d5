// The task's template fields as the try rendered them (Airflow's rendered_fields): what the
// operator actually ran with, e.g. the SQL after Jinja.
import { EmptyState } from "../EmptyState";
import { jsonText } from "./jsonText";

export function RenderedFields({
  fields,
}: {
  readonly fields: Readonly<Record<string, unknown>> | undefined;
}) {
  const entries = Object.entries(fields ?? {});
  if (entries.length === 0)
    return (
      <EmptyState>
        No rendered template fields: the task has not rendered them yet, or its operator has none.
      </EmptyState>
    );
  return (
    <div className="rendered-fields">
      {entries.map(([name, value]) => (
        <section key={name} className="rendered-field" aria-labelledby={`rendered-${name}`}>
          <h3 id={`rendered-${name}`}>
            <code>{name}</code>
          </h3>
          <pre className="code">{jsonText(value)}</pre>
        </section>
      ))}
    </div>
  );
}
