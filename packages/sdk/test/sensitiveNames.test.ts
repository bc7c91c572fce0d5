// Which names hold secrets: the one rule task logs and API responses follow (Airflow's
// should_hide_value_for_key, with non-word characters read as `_`).
import { isSensitiveName } from "../src";

describe("isSensitiveName", () => {
  test.each([
    ["password", true],
    ["db_password", true],
    ["PASSWORD", true],
    ["API-Key", true],
    ["x-apikey", true],
    ["private_key_file", true],
    ["aws_secret_access_key", true],
    ["Authorization", true],
    ["refresh_token", true],
    ["keyfile_dict", true],
    ["service_account_json", true],
    ["passwd", true],
    ["host", false],
    ["region", false],
    ["key", false],
    ["api", false],
  ])("%s → %s", (name, expected) => {
    expect(isSensitiveName(name)).toBe(expected);
  });
});
