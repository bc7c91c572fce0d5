// One task instance: header and actions, the tries (the latest shown unless the address names
// one), and the tabs — the chosen try's log, the rendered template fields, XCom, details.
import { useSearchParams } from "react-router";
import {
  type TaskInstanceKey,
  useTask,
  useTaskInstance,
  useTaskInstanceTries,
} from "../../api/taskInstances";
import type { TaskInstanceResponse, TaskInstanceHistory } from "../../api/types";
import { EmptyState } from "../../components/EmptyState";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { LogViewer } from "../../components/taskInstance/LogViewer";
import { RenderedFields } from "../../components/taskInstance/RenderedFields";
import { TaskInstanceActions } from "../../components/taskInstance/TaskInstanceActions";
import { TaskInstanceBreadcrumbs } from "../../components/taskInstance/TaskInstanceBreadcrumbs";
import { TaskInstanceDetails } from "../../components/taskInstance/TaskInstanceDetails";
import { TaskInstanceHeader } from "../../components/taskInstance/TaskInstanceHeader";
import {
  parseTaskInstanceTab,
  type TaskInstanceTab,
  TaskInstanceTabs,
  tabId,
  tabPanelId,
} from "../../components/taskInstance/TaskInstanceTabs";
import { isLiveState } from "../../components/taskInstance/tryStates";
import { TrySummary } from "../../components/taskInstance/TrySummary";
import { TrySwitcher } from "../../components/taskInstance/TrySwitcher";
import { XComEntries } from "../../components/taskInstance/XComEntries";

const labelOf = (key: TaskInstanceKey) =>
  key.mapIndex >= 0 ? `${key.taskId} [${key.mapIndex}]` : key.taskId;

export function TaskInstanceView({ taskInstance }: { readonly taskInstance: TaskInstanceKey }) {
  const ti = useTaskInstance(taskInstance);
  const tries = useTaskInstanceTries(taskInstance);
  const [search, setSearch] = useSearchParams();
  const tab = parseTaskInstanceTab(search.get("tab"));
  const setParam = (name: string, value: string | null) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );

  if (ti.isPending)
    return (
      <section className="page">
        <Loading what="the task instance" />
      </section>
    );
  if (ti.isError)
    return (
      <section className="page">
        <TaskInstanceBreadcrumbs {...taskInstance} />
        <h1>{labelOf(taskInstance)}</h1>
        <ErrorMessage error={ti.error} title="The task instance cannot be shown" />
      </section>
    );

  // Try 0 is an instance that never started: no log, nothing to switch to.
  const started = (tries.data?.task_instances ?? []).filter((t) => t.try_number >= 1);
  const latest = started.at(-1);
  const requested = Number(search.get("try_number"));
  const shown = started.find((t) => t.try_number === requested) ?? latest;
  const live = shown !== undefined && shown === latest && isLiveState(shown.state);

  return (
    <section className="page ti-page">
      <TaskInstanceHeader
        ti={ti.data}
        actions={
          <TaskInstanceActions
            taskInstance={taskInstance}
            label={labelOf(taskInstance)}
            state={ti.data.state}
          />
        }
      />
      {tries.isError && <ErrorMessage error={tries.error} title="The tries cannot be read" />}
      {shown !== undefined && (
        <div className="card ti-tries">
          <TrySwitcher
            tries={started}
            shown={shown.try_number}
            onChoose={(n) => setParam("try_number", n === latest?.try_number ? null : String(n))}
          />
          <TrySummary attempt={shown} />
        </div>
      )}
      <TaskInstanceTabs
        selected={tab}
        onSelect={(next) => setParam("tab", next === "logs" ? null : next)}
      />
      <div className="tab-panel" role="tabpanel" id={tabPanelId(tab)} aria-labelledby={tabId(tab)}>
        <TabContent
          tab={tab}
          taskInstance={taskInstance}
          ti={ti.data}
          shown={shown}
          live={live}
          triesPending={tries.isPending}
        />
      </div>
    </section>
  );
}

interface TabContentProps {
  readonly tab: TaskInstanceTab;
  readonly taskInstance: TaskInstanceKey;
  readonly ti: TaskInstanceResponse;
  readonly shown: TaskInstanceHistory | undefined;
  readonly live: boolean;
  readonly triesPending: boolean;
}

function TabContent({ tab, taskInstance, ti, shown, live, triesPending }: TabContentProps) {
  const task = useTask(taskInstance.dagId, taskInstance.taskId);
  switch (tab) {
    case "logs":
      if (triesPending) return <Loading what="the tries" />;
      if (shown === undefined)
        return <EmptyState>The task has not started yet: there is no log.</EmptyState>;
      return (
        <LogViewer
          key={shown.try_number}
          taskInstance={taskInstance}
          tryNumber={shown.try_number}
          live={live}
        />
      );
    case "rendered":
      return <RenderedFields fields={ti.rendered_fields} />;
    case "xcom":
      return <XComEntries taskInstance={taskInstance} version={`${ti.try_number}:${ti.state}`} />;
    case "details":
      return <TaskInstanceDetails ti={ti} task={task.data} />;
  }
}
