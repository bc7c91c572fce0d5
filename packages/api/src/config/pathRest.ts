// The `{variable_key:path}` and `{pool_name:path}` parameters of Airflow's routes: the rest of
// the path, slashes included (Express 5 gives a `*name` wildcard as its decoded segments).

/** The wildcard parameter `value` as one string. */
export const pathRest = (value: unknown): string =>
  Array.isArray(value) ? value.map(String).join("/") : String(value);
