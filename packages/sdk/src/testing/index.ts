// @updraft/sdk/testing: helpers for unit-testing DAGs and tasks without a scheduler.
export { fakeTaskRun } from "./fakeTaskRun";
export type { FakeTaskInstanceOptions, FakeTaskRun, FakeTaskRunOptions } from "./fakeTaskRun";
