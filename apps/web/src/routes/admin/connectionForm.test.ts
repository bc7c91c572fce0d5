// The connection form's checks and bodies: one row per case the API would refuse, and the
// password's three ways (none typed: kept; typed: sent; cleared: null), each with its mask.
import type { Connection } from "../../api/types";
import {
  type ConnectionForm,
  EMPTY_CONNECTION_FORM,
  connectionCreateBody,
  connectionFormOf,
  connectionProblems,
  connectionUpdate,
} from "./connectionForm";

const FORM: ConnectionForm = {
  ...EMPTY_CONNECTION_FORM,
  connection_id: "dealership_source",
  conn_type: "postgres",
  host: " db.internal ",
  port: "5432",
};

test.each<[string, Partial<ConnectionForm>, keyof ConnectionForm | null]>([
  ["a complete form", {}, null],
  ["no id", { connection_id: " " }, "connection_id"],
  ["a space in the id", { connection_id: "my conn" }, "connection_id"],
  ["a 201-character id", { connection_id: "c".repeat(201) }, "connection_id"],
  ["letters of any script in the id", { connection_id: "données.v2-ü" }, null],
  ["no type", { conn_type: "" }, "conn_type"],
  ["a port with letters", { port: "54x" }, "port"],
  ["a negative port", { port: "-1" }, "port"],
  ["a port past 65535", { port: "65536" }, "port"],
  ["no port", { port: "" }, null],
  ["extra not JSON", { extra: "{sslmode: require}" }, "extra"],
  ["extra a JSON array", { extra: "[1]" }, "extra"],
  ["extra JSON null", { extra: "null" }, "extra"],
  ["extra a JSON object", { extra: '{"sslmode": "require"}' }, null],
])("%s", (_what, change, field) => {
  const problems = connectionProblems({ ...FORM, ...change });
  expect(Object.keys(problems)).toEqual(field === null ? [] : [field]);
});

test("a stored connection's form never holds its password, and lays out extra", () => {
  const stored: Connection = {
    connection_id: "warehouse",
    conn_type: "snowflake",
    description: null,
    host: null,
    login: "loader",
    schema: null,
    port: null,
    password: "***",
    extra: '{"role":"LOADER"}',
  };
  expect(connectionFormOf(stored)).toEqual({
    ...EMPTY_CONNECTION_FORM,
    connection_id: "warehouse",
    conn_type: "snowflake",
    login: "loader",
    extra: '{\n  "role": "LOADER"\n}',
  });
});

const MASK_WITHOUT_PASSWORD = [
  "conn_type",
  "description",
  "host",
  "schema",
  "login",
  "port",
  "extra",
];

test("an update without a typed password leaves it out of body and mask", () => {
  const { body, mask } = connectionUpdate(FORM);
  expect(body).not.toHaveProperty("password");
  expect(mask).toEqual(MASK_WITHOUT_PASSWORD);
  expect(body).toMatchObject({ host: "db.internal", port: 5432, description: null, extra: null });
});

test("an update with a typed password sends it; clearing sends null; both name it", () => {
  expect(connectionUpdate({ ...FORM, password: "pw" })).toEqual({
    body: expect.objectContaining({ password: "pw" }) as unknown,
    mask: [...MASK_WITHOUT_PASSWORD, "password"],
  });
  expect(connectionUpdate({ ...FORM, clearPassword: true })).toEqual({
    body: expect.objectContaining({ password: null }) as unknown,
    mask: [...MASK_WITHOUT_PASSWORD, "password"],
  });
});

test("a create sends the password only when one was typed", () => {
  expect(connectionCreateBody(FORM)).not.toHaveProperty("password");
  expect(connectionCreateBody({ ...FORM, password: "pw" }).password).toBe("pw");
});
