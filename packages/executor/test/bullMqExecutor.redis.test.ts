// The executor contract against BullMQ on a real Redis: a BullMqExecutor producing and a
// BullMqWorker consuming, under this file's own key prefix.
import { testRedisPrefix, testRedisUrl } from "@updraft/testing";
import { BullMqExecutor, BullMqWorker } from "../src";
import { describeExecutorContract } from "./contract/executor.contract";
import { deleteKeys, openClients } from "./support/redisKeys";

const prefix = testRedisPrefix();
const redisUrl = testRedisUrl();

describe("BullMqExecutor + BullMqWorker", () => {
  describeExecutorContract({
    create: async ({ concurrency, queues }) =>
      Promise.resolve({
        executor: new BullMqExecutor({ redisUrl, prefix }),
        worker: new BullMqWorker({ redisUrl, prefix, queues, concurrency }),
      }),
  });

  // Declared after the contract, so it runs after the contract's afterEach closed everything.
  afterEach(async () => {
    expect(await openClients(prefix)).toEqual([]);
  });

  afterAll(async () => {
    await deleteKeys(prefix);
  });
});
