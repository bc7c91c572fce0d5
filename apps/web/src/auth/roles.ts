// Airflow's roles in rising order: each can do what the ones before it can.
export const ROLES = ["Viewer", "User", "Op", "Admin"] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role =>
  typeof value === "string" && (ROLES as readonly string[]).includes(value);

/** Whether `role` may do what needs `needed`. */
export const hasRole = (role: Role, needed: Role): boolean =>
  ROLES.indexOf(role) >= ROLES.indexOf(needed);
