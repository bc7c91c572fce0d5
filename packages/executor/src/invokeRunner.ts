// The one place both adapters call a TaskRunner: times it, emits jobStarted / jobFinished and
// turns a synchronous throw into a rejection, so a bad runner never takes a worker down.
import type { TaskOutcome, TaskRunner } from "./executor";
import type { TaskJob } from "./jobCatalog";
import type { TaskEvents } from "./taskEvents";

/** What `invokeRunner` needs for one delivery. */
export interface RunnerInvocation {
  readonly job: TaskJob;
  readonly jobId: string;
  readonly runner: TaskRunner;
  readonly signal: AbortSignal;
  readonly events: TaskEvents;
}

/** Runs one delivery, emitting the events; resolves with the outcome or rethrows the error. */
export async function invokeRunner(invocation: RunnerInvocation): Promise<TaskOutcome> {
  const { job, jobId, runner, signal, events } = invocation;
  const startedAt = performance.now();
  events.emit("jobStarted", { job, jobId });
  const finish = (
    result:
      | { status: "returned"; outcome: TaskOutcome }
      | {
          status: "threw";
          error: unknown;
        },
  ): void => {
    const durationMs = performance.now() - startedAt;
    events.emit("jobFinished", { job, jobId, durationMs, aborted: signal.aborted, result });
  };
  try {
    const outcome = await runner(job, signal);
    finish({ status: "returned", outcome });
    return outcome;
  } catch (error) {
    finish({ status: "threw", error });
    throw error;
  }
}
