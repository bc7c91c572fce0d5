// One XCom's value, read on its own (the list carries none), as formatted JSON.
import type { TaskInstanceKey } from "../../api/taskInstances";
import { useXComValue } from "../../api/xcom";
import { ErrorMessage } from "../ErrorMessage";
import { Loading } from "../Loading";
import { jsonText } from "./jsonText";

export function XComValueView({
  taskInstance,
  xcomKey,
  version,
}: {
  readonly taskInstance: TaskInstanceKey;
  readonly xcomKey: string;
  readonly version: string;
}) {
  const entry = useXComValue(taskInstance, xcomKey, version);
  if (entry.isPending) return <Loading what="the value" />;
  if (entry.isError) return <ErrorMessage error={entry.error} />;
  return (
    <pre className="code xcom-value" aria-label={`Value of ${xcomKey}`}>
      {entry.data.value === null ? "null" : jsonText(entry.data.value)}
    </pre>
  );
}
