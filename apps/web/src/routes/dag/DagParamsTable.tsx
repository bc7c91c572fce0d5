// The DAG's params as a table: name (and title), default, description, and the JSON-schema type
// with its main constraints, as a trigger's conf will be checked against them.
import type { DagParam } from "../../api/types";
import { EmptyState } from "../../components/EmptyState";

/** "string (date)", "integer ≥ 1", "one of a, b": the schema in a few words. */
export function describeSchema(schema: Readonly<Record<string, unknown>> | undefined): string {
  if (schema === undefined) return "any";
  const type = schema.type;
  const words = [Array.isArray(type) ? type.join(" or ") : typeof type === "string" ? type : "any"];
  if (typeof schema.format === "string") words.push(`(${schema.format})`);
  if (Array.isArray(schema.enum))
    words.push(`one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`);
  if (typeof schema.minimum === "number") words.push(`≥ ${schema.minimum}`);
  if (typeof schema.maximum === "number") words.push(`≤ ${schema.maximum}`);
  return words.join(" ");
}

const show = (value: unknown) => (value === undefined ? "—" : JSON.stringify(value));

export function DagParamsTable({
  params,
}: {
  readonly params: Readonly<Record<string, DagParam>> | null;
}) {
  const entries = Object.entries(params ?? {});
  if (entries.length === 0) return <EmptyState>This DAG has no params.</EmptyState>;
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Params">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Default</th>
            <th scope="col">Description</th>
            <th scope="col">Type</th>
          </tr>
        </thead>
        <tbody>
          {entries.map(([name, param]) => {
            const title = param.schema?.title;
            return (
              <tr key={name}>
                <th scope="row">
                  <code>{name}</code>
                  {typeof title === "string" && title !== name && (
                    <div className="muted">{title}</div>
                  )}
                </th>
                <td>
                  <code>{show(param.value)}</code>
                </td>
                <td>{param.description ?? ""}</td>
                <td>{describeSchema(param.schema)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
