// Props that could not run fail at synthesis with the prop's name, before CloudFormation.
import { App } from "aws-cdk-lib";
import * as ecs from "aws-cdk-lib/aws-ecs";
import { DEFAULT_CONNECTIONS, UpdraftInfraError, UpdraftStack, resolveStackProps } from "../src";
import type { UpdraftStackProps } from "../src";
import { TEST_IMAGE } from "./synthStack";

const base: UpdraftStackProps = {
  image: ecs.ContainerImage.fromRegistry(TEST_IMAGE),
  alarmEmail: "oncall@example.com",
};

function errorOf(props: Partial<UpdraftStackProps>): UpdraftInfraError {
  try {
    resolveStackProps({ ...base, ...props });
  } catch (error) {
    if (error instanceof UpdraftInfraError) return error;
    throw error;
  }
  throw new Error("expected the props to be rejected");
}

describe("resolveStackProps", () => {
  it("fills the documented defaults", () => {
    const config = resolveStackProps(base);
    expect(config).toMatchObject({
      workerMinCount: 1,
      workerMaxCount: 10,
      workerConcurrency: 16,
      workerQueues: ["default"],
      schedulerCount: 2,
      apiCount: 2,
      connections: DEFAULT_CONNECTIONS,
      redisPrefix: "updraft",
      multiAz: true,
      deletionProtection: true,
      databaseStorageGiB: 20,
      natGateways: 1,
      queueDepthAlarmThreshold: 1000,
    });
    expect(config.databaseInstanceType.toString()).toBe("t4g.medium");
  });

  it("rejects a worker minimum above the maximum, naming both props", () => {
    const error = errorOf({ workerMinCount: 5, workerMaxCount: 3 });
    expect(error.code).toBe("INVALID_STACK_PROPS");
    expect(error.prop).toBe("workerMinCount");
    expect(error.message).toBe("workerMinCount: must not exceed workerMaxCount (5 > 3)");
  });

  it("rejects a minimum above the default maximum too", () => {
    expect(errorOf({ workerMinCount: 11 }).message).toMatch(/^workerMinCount: .*\(11 > 10\)/);
  });

  it.each([
    [{ workerMinCount: -1 }, "workerMinCount", "expected an integer >= 0, got -1"],
    [{ workerMaxCount: 0 }, "workerMaxCount", "expected an integer >= 1, got 0"],
    [{ workerConcurrency: 2.5 }, "workerConcurrency", "expected an integer >= 1, got 2.5"],
    [{ schedulerCount: 0 }, "schedulerCount", "expected an integer >= 1, got 0"],
    [{ natGateways: 0 }, "natGateways", "expected an integer >= 1, got 0"],
    [{ databaseStorageGiB: 10 }, "databaseStorageGiB", "expected an integer >= 20, got 10"],
    [{ alarmEmail: "oncall" }, "alarmEmail", 'expected an email address, got "oncall"'],
    [{ workerQueues: [] }, "workerQueues", "expected at least one queue"],
    [{ workerQueues: ["etl", "etl"] }, "workerQueues", "lists a queue twice"],
    [
      { workerQueues: ["a,b"] },
      "workerQueues",
      '"a,b" is not a queue name (letters, digits, _ . -)',
    ],
    [
      { connections: ["my-conn"] },
      "connections",
      '"my-conn" is not a connection id (letters, digits, _)',
    ],
    [{ connections: ["pg", "PG"] }, "connections", '"PG" is listed twice'],
    [
      { redisPrefix: "a:b" },
      "redisPrefix",
      `expected a non-empty prefix without ':' or spaces, got "a:b"`,
    ],
    [
      { publicUrl: "updraft.example.com" },
      "publicUrl",
      'expected an http:// or https:// URL, got "updraft.example.com"',
    ],
  ] as const)("rejects %j", (props, prop, message) => {
    const error = errorOf(props);
    expect(error.prop).toBe(prop);
    expect(error.message).toBe(`${prop}: ${message}`);
  });

  it("allows zero idle workers", () => {
    expect(resolveStackProps({ ...base, workerMinCount: 0 }).workerMinCount).toBe(0);
  });
});

describe("UpdraftStack", () => {
  it("throws the props error from its constructor, before making any resource", () => {
    const app = new App();
    expect(
      () => new UpdraftStack(app, "Bad", { ...base, workerMinCount: 4, workerMaxCount: 2 }),
    ).toThrow(
      new UpdraftInfraError(
        "INVALID_STACK_PROPS",
        "workerMinCount",
        "must not exceed workerMaxCount (4 > 2)",
      ),
    );
    const stack = app.node.findChild("Bad");
    expect(stack.node.children).toHaveLength(0);
  });
});
