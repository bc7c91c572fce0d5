// A mapped task as a whole in one run: its mapped instances, a page at a time, each a link to its
// own page; clearing or marking here acts on every mapped instance.
import { useState } from "react";
import { type TaskInstanceKey, useMappedTaskInstances } from "../../api/taskInstances";
import { EmptyState } from "../../components/EmptyState";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { MappedTaskInstances } from "../../components/taskInstance/MappedTaskInstances";
import { TaskInstanceActions } from "../../components/taskInstance/TaskInstanceActions";
import { TaskInstanceBreadcrumbs } from "../../components/taskInstance/TaskInstanceBreadcrumbs";

const PAGE_SIZE = 50;

export function MappedTaskView({ task }: { readonly task: TaskInstanceKey }) {
  const [page, setPage] = useState(0);
  const mapped = useMappedTaskInstances(task, { limit: PAGE_SIZE, offset: page * PAGE_SIZE });
  const total = mapped.data?.total_entries ?? 0;
  const first = mapped.data?.task_instances[0];
  return (
    <section className="page ti-page">
      <TaskInstanceBreadcrumbs {...task} dagDisplayName={first?.dag_display_name} />
      <div className="page-header">
        <h1>
          {task.taskId} <small>mapped task</small>
        </h1>
        <span className="spacer" />
        <TaskInstanceActions taskInstance={task} label={`${task.taskId} (every mapped instance)`} />
      </div>
      {mapped.isPending ? (
        <Loading what="the mapped instances" />
      ) : mapped.isError ? (
        <ErrorMessage error={mapped.error} title="The mapped instances cannot be read" />
      ) : total === 0 ? (
        <EmptyState>
          No mapped instances yet: the task expands once the tasks it maps over have run.
        </EmptyState>
      ) : (
        <>
          <p className="muted">{total === 1 ? "1 mapped instance" : `${total} mapped instances`}</p>
          <MappedTaskInstances tis={mapped.data.task_instances} />
          {total > PAGE_SIZE && (
            <div className="pagination">
              <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
                Previous
              </button>
              <span>
                {page * PAGE_SIZE + 1}–{Math.min(total, (page + 1) * PAGE_SIZE)} of {total}
              </span>
              <button
                type="button"
                disabled={(page + 1) * PAGE_SIZE >= total}
                onClick={() => setPage(page + 1)}
              >
                Next
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
