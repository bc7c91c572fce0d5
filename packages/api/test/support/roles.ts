// The role matrix of the endpoint tests: Airflow's roles below and from the one an endpoint
// needs (weakest first), and the check that a role below it is refused with Airflow's 403 and
// changes nothing.
import { ROLES, type Role, roleAtLeast } from "../../src";

/** The roles that may not do what `needed` may, weakest first. */
export const rolesBelow = (needed: Role): Role[] =>
  ROLES.filter((role) => !roleAtLeast(role, needed));

/** `needed` and the roles above it. */
export const rolesFrom = (needed: Role): Role[] =>
  ROLES.filter((role) => roleAtLeast(role, needed));

interface Answer {
  readonly status: number;
  readonly body: { readonly detail?: unknown };
}

/**
 * Runs `requests` and fails unless each answer is the 403 of a role below `needed`, and
 * `snapshot` reads the same after them as before.
 */
export async function expectRefusedUnchanged(
  snapshot: () => Promise<unknown>,
  needed: Role,
  requests: () => Promise<readonly Answer[]>,
): Promise<void> {
  const before = await snapshot();
  for (const res of await requests()) {
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(new RegExp(`needs the ${needed} role`));
  }
  expect(await snapshot()).toEqual(before);
}
