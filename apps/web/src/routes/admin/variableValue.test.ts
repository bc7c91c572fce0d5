import { shownVariableValue } from "./variableValue";

test.each<[string, string, string, boolean]>([
  ["an object is laid out", '{"a":1,"b":[2]}', '{\n  "a": 1,\n  "b": [\n    2\n  ]\n}', true],
  ["an array is laid out", "[1,2]", "[\n  1,\n  2\n]", true],
  ["a number stays as it is", "42", "42", false],
  ["a JSON string stays as it is", '"quoted"', '"quoted"', false],
  ["null stays as it is", "null", "null", false],
  ["plain text stays as it is", "eu-west-1", "eu-west-1", false],
  ["the mask stays as it is", "***", "***", false],
  ["broken JSON stays as it is", '{"a":', '{"a":', false],
])("%s", (_what, value, text, json) => {
  expect(shownVariableValue(value)).toEqual({ text, json });
});
