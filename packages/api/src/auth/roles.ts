// Airflow's roles, weakest first: each can do what the ones before it can. Viewer reads; User
// also triggers, clears, marks and pauses; Op also edits variables and pools; Admin also manages
// connections and users.

export const ROLES = ["Viewer", "User", "Op", "Admin"] as const;

/** One of Airflow's roles. */
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role =>
  typeof value === "string" && (ROLES as readonly string[]).includes(value);

/** Whether `role` may do what `required` may. */
export const roleAtLeast = (role: Role, required: Role): boolean =>
  ROLES.indexOf(role) >= ROLES.indexOf(required);
