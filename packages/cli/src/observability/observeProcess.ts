// Subscribes a MetricRecorder to the events of what a process runs: the scheduler loop, the
// notification dispatcher beside it, and the deliveries run in this process. Each returns the
// function that unsubscribes, called on shutdown.
import type { TaskEvents } from "@updraft/executor";
import type { NotificationDeliveryEvent, NotificationDispatcher } from "@updraft/notify";
import type { DagRunFinishedEvent, PassReport, Scheduler } from "@updraft/scheduler";
import type { ComposedExecutor } from "../compose";
import type { MetricRecorder } from "./metricRecorder";

/** Records every delivery that ends on `events` (a worker's or the LocalExecutor's). */
export function observeTaskDeliveries(recorder: MetricRecorder, events: TaskEvents): () => void {
  return events.on("jobFinished", (event) => recorder.taskDeliveryFinished(event));
}

/** What a scheduler process runs. */
export interface SchedulerProcess {
  readonly scheduler: Scheduler;
  readonly dispatcher: NotificationDispatcher;
  readonly executor: ComposedExecutor;
}

/** Records passes, finished runs, alerts, in-process deliveries and the executor's queue. */
export function observeScheduler(recorder: MetricRecorder, parts: SchedulerProcess): () => void {
  const { scheduler, dispatcher, executor } = parts;
  const onPass = (report: PassReport): void => recorder.schedulerPass(report);
  const onRun = (event: DagRunFinishedEvent): void => recorder.dagRunFinished(event);
  const onDelivery = (event: NotificationDeliveryEvent): void => recorder.alertDelivered(event);
  scheduler.on("pass", onPass);
  scheduler.on("dagRunFinished", onRun);
  dispatcher.on("delivery", onDelivery);
  const offTasks =
    executor.taskEvents === null
      ? () => undefined
      : observeTaskDeliveries(recorder, executor.taskEvents);
  recorder.readQueueDepthsWith(executor.queueDepths);
  return () => {
    scheduler.off("pass", onPass);
    scheduler.off("dagRunFinished", onRun);
    dispatcher.off("delivery", onDelivery);
    offTasks();
    recorder.readQueueDepthsWith(null);
  };
}
