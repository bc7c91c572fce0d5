// The executor contract: every adapter (BullMQ producer + worker, LocalExecutor) must pass it. It
// pins what the scheduler relies on: each enqueued try runs once, duplicates of a try are
// absorbed, a new try runs, concurrency and priority are honoured, runner failures are
// contained, shutdown is graceful, and payloads are validated at the producer.
import { contractContext, type ExecutorHarness } from "./contractContext";
import { describeDeliveryContract } from "./delivery.contract";
import { describeSchedulingContract } from "./scheduling.contract";

export type { ExecutorHarness, ExecutorPair } from "./contractContext";

/** Runs the executor contract against the adapter `harness` creates. */
export function describeExecutorContract(harness: ExecutorHarness): void {
  const ctx = contractContext(harness);
  describe("delivery", () => describeDeliveryContract(ctx));
  describe("scheduling and shutdown", () => describeSchedulingContract(ctx));
}
