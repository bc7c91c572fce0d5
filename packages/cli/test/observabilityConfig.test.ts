// The observability variables: metrics off by default on Prometheus' exporter port, logs as
// text by default; each bad value stops start-up with one line naming the variable.
import { loadConfig } from "../src";
import { problems } from "./support/configProblems";

describe("observability configuration", () => {
  test("defaults: metrics off, listener 0.0.0.0:9464, text logs", () => {
    const config = loadConfig({}, "/srv");
    expect(config.metrics).toEqual({
      enabled: false,
      host: "0.0.0.0",
      port: 9464,
      cloudwatchEmf: false,
    });
    expect(config.logFormat).toBe("text");
  });

  test("the variables are read", () => {
    const config = loadConfig(
      {
        UPDRAFT_METRICS_ENABLED: "TRUE",
        UPDRAFT_METRICS_HOST: "127.0.0.1",
        UPDRAFT_METRICS_PORT: "0",
        UPDRAFT_LOG_FORMAT: "json",
        UPDRAFT_CLOUDWATCH_EMF: "true",
      },
      "/srv",
    );
    expect(config.metrics).toEqual({
      enabled: true,
      host: "127.0.0.1",
      port: 0,
      cloudwatchEmf: true,
    });
    expect(config.logFormat).toBe("json");
  });

  test.each([
    ["UPDRAFT_CLOUDWATCH_EMF", "on", 'UPDRAFT_CLOUDWATCH_EMF: expected true or false, got "on"'],
    [
      "UPDRAFT_METRICS_ENABLED",
      "yes",
      'UPDRAFT_METRICS_ENABLED: expected true or false, got "yes"',
    ],
    [
      "UPDRAFT_METRICS_PORT",
      "70000",
      'UPDRAFT_METRICS_PORT: expected a TCP port (1-65535, or 0 for any free one), got "70000"',
    ],
    [
      "UPDRAFT_METRICS_PORT",
      "metrics",
      'UPDRAFT_METRICS_PORT: expected a TCP port (1-65535, or 0 for any free one), got "metrics"',
    ],
    ["UPDRAFT_METRICS_HOST", "", 'UPDRAFT_METRICS_HOST: expected a host name or address, got ""'],
    ["UPDRAFT_LOG_FORMAT", "JSON5", 'UPDRAFT_LOG_FORMAT: expected text or json, got "JSON5"'],
  ])("%s=%s is refused", (name, value, message) => {
    expect(problems({ [name]: value })).toEqual([message]);
  });

  test("several bad values give one line each", () => {
    expect(
      problems({
        UPDRAFT_METRICS_ENABLED: "1",
        UPDRAFT_LOG_FORMAT: "xml",
        UPDRAFT_METRICS_PORT: "-1",
      }),
    ).toHaveLength(3);
  });
});
