// AIRFLOW_CONN_* parsing, one row per rule of Airflow's `_parse_from_uri`.
import { parseConnection } from "../src";

test.each([
  [
    "postgresql://user:p%40ss@DB.Example.com:5432/analytics",
    {
      conn_type: "postgres",
      login: "user",
      password: "p@ss",
      host: "db.example.com",
      port: 5432,
      schema: "analytics",
      extra: null,
    },
  ],
  [
    "my-type://host",
    {
      conn_type: "my_type",
      login: null,
      password: null,
      host: "host",
      port: null,
      schema: "",
      extra: null,
    },
  ],
  [
    "http://u:p@h:80/?timeout=30&verify=true&name=abc",
    {
      conn_type: "http",
      host: "h",
      port: 80,
      extra: JSON.stringify({ timeout: 30, verify: true, name: "abc" }),
    },
  ],
  [
    "aws://?__extra__=%7B%22region%22%3A%22us-east-1%22%7D",
    { conn_type: "aws", host: null, extra: '{"region":"us-east-1"}' },
  ],
  [
    "spark://mesos://user:pw@master:5050",
    { conn_type: "spark", host: "mesos://master", login: "user", password: "pw", port: 5050 },
  ],
  [
    '{"conn_type": "postgres", "host": "h", "port": "5433", "extra": {"sslmode": "require"}}',
    { conn_type: "postgres", host: "h", port: 5433, extra: '{"sslmode":"require"}' },
  ],
])("%s", (uri, expected) => {
  expect(parseConnection("my_conn", uri)).toMatchObject({ conn_id: "my_conn", ...expected });
});

test.each(["no-scheme", "a://b://c://d", "a://user@b://host"])(
  "%s is an invalid connection string",
  (uri) => {
    expect(() => parseConnection("bad", uri)).toThrow(
      "AIRFLOW_CONN_BAD: Invalid connection string.",
    );
  },
);
