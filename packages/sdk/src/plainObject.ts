// Realm-safe value checks: DAG files are evaluated with node:vm, so their objects may come from
// another realm where `constructor === Object` and `instanceof Date` are false.

/** True for `{...}` literals and Object.create(null), whatever realm created them. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** True for Date objects from any realm. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}
