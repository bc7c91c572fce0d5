// /dags/:dagId/runs/:runId/tasks/:taskId[/mapped/:mapIndex]: one task instance — or, for a mapped
// task without a map index, the list of its mapped instances. Live events keep the run's task
// instances (and so this page's state) current.
import { useParams } from "react-router";
import { type TaskInstanceKey, useTask } from "../../api/taskInstances";
import { useLiveEvents } from "../../api/useLiveEvents";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { MappedTaskView } from "./MappedTaskView";
import { TaskInstanceView } from "./TaskInstanceView";

/** -1 without a map index; null for one that is not a whole number from 0. */
function parseMapIndex(value: string | undefined): number | null {
  if (value === undefined) return -1;
  return /^\d+$/.test(value) ? Number(value) : null;
}

export function TaskInstancePage() {
  const params = useParams();
  const dagId = params.dagId ?? "";
  const runId = params.runId ?? "";
  const taskId = params.taskId ?? "";
  useLiveEvents({ dag_id: dagId, dag_run_id: runId });
  const mapIndex = parseMapIndex(params.mapIndex);
  if (mapIndex === null)
    return (
      <section className="page">
        <h1>{taskId}</h1>
        <ErrorMessage
          error={new Error(`“${params.mapIndex}” is not a map index: map indexes are 0, 1, 2…`)}
        />
      </section>
    );
  const key: TaskInstanceKey = { dagId, runId, taskId, mapIndex };
  const identity = JSON.stringify(key);
  return mapIndex >= 0 ? (
    <TaskInstanceView key={identity} taskInstance={key} />
  ) : (
    <WholeTask key={identity} taskInstance={key} />
  );
}

/** Without a map index: the instance of an unmapped task, or a mapped task's instances. */
function WholeTask({ taskInstance }: { readonly taskInstance: TaskInstanceKey }) {
  const task = useTask(taskInstance.dagId, taskInstance.taskId);
  if (task.isPending)
    return (
      <section className="page">
        <Loading what="the task" />
      </section>
    );
  // A task the DAG no longer has may still have instances: show the instance.
  if (task.data?.is_mapped === true) return <MappedTaskView task={taskInstance} />;
  return <TaskInstanceView taskInstance={taskInstance} />;
}
