// Which input each of Airflow's param shapes gets in the trigger form, its label and help, and
// when it must be filled in. Params as GET /dags/{id}/details serializes them.
import type { DagParam } from "../src/api/types";
import { type ParamKind, paramField, paramFields } from "../src/components/trigger/paramField";

const param = (value: unknown, schema: Record<string, unknown>, extra: object = {}): DagParam => ({
  __class: "airflow.sdk.definitions.param.Param",
  value,
  description: null,
  schema,
  ...extra,
});

test.each<[string, DagParam, ParamKind]>([
  ["a string", param("eu", { type: "string" }), "string"],
  ["an integer", param(5, { type: "integer" }), "integer"],
  ["a number", param(0.5, { type: "number" }), "number"],
  ["a boolean", param(false, { type: "boolean" }), "boolean"],
  ["an enum", param("eu", { type: "string", enum: ["eu", "us"] }), "enum"],
  ["an enum without a type", param(1, { enum: [1, 2] }), "enum"],
  ["a date", param("2026-01-01", { type: "string", format: "date" }), "date"],
  ["a date-time", param(null, { type: ["string", "null"], format: "date-time" }), "date-time"],
  ["a time", param("06:00:00", { type: "string", format: "time" }), "time"],
  ["multiline text", param("", { type: "string", format: "multiline" }), "multiline"],
  [
    "an array of strings",
    param(["a"], { type: "array", items: { type: "string" } }),
    "string-list",
  ],
  ["an array without items", param([], { type: "array" }), "string-list"],
  ["an array of numbers", param([1], { type: "array", items: { type: "number" } }), "array"],
  ["an object", param({}, { type: "object" }), "object"],
  ["a union of types", param(1, { type: ["integer", "string"] }), "json"],
  ["a nullable integer", param(null, { type: ["null", "integer"] }), "integer"],
  ["only null", param(null, { type: "null" }), "null"],
  ["untyped text", param("x", {}), "string"],
  ["an untyped flag", param(true, {}), "boolean"],
  ["an untyped number", param(5, {}), "json"],
])("%s is a %s field", (_what, p, kind) => {
  expect(paramField("p", p).kind).toBe(kind);
});

test("the label is the schema's title, else the name; the description comes with it", () => {
  expect(
    paramField(
      "batch_size",
      param(
        100,
        { type: "integer", title: "Batch size" },
        {
          description: "Rows per insert",
        },
      ),
    ),
  ).toMatchObject({ name: "batch_size", label: "Batch size", description: "Rows per insert" });
  expect(paramField("region", param("eu", { type: "string" }))).toMatchObject({
    label: "region",
    description: null,
  });
});

test("a param without a default must be filled in; one that allows null may stay empty", () => {
  const noDefault = param(null, { type: "string" }, { has_default: false });
  expect(paramField("p", noDefault)).toMatchObject({ required: true, hasDefault: false });
  // Airflow's own serialization: no default is a null value the schema refuses.
  expect(paramField("p", param(null, { type: "integer" }))).toMatchObject({ required: true });
  expect(paramField("p", param(null, { type: ["integer", "null"] }))).toMatchObject({
    required: false,
    nullable: true,
    hasDefault: true,
    defaultValue: null,
  });
  expect(paramField("p", param(3, { type: "integer" }))).toMatchObject({
    required: false,
    nullable: false,
    defaultValue: 3,
  });
});

test("an enum's options keep their values and show values_display where it names them", () => {
  const field = paramField(
    "env",
    param("prod", {
      type: ["string", "null"],
      enum: ["dev", "prod", null],
      values_display: { prod: "Production" },
    }),
  );
  expect(field.options).toEqual([
    { value: "dev", label: "dev" },
    { value: "prod", label: "Production" },
  ]);
  expect(field.nullable).toBe(true);
});

test("every param of a DAG, in its order; none for a DAG without params", () => {
  expect(
    paramFields({ b: param(1, { type: "integer" }), a: param("x", { type: "string" }) }).map(
      (f) => f.name,
    ),
  ).toEqual(["b", "a"]);
  expect(paramFields(null)).toEqual([]);
});
