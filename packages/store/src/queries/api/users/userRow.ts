// The `ab_user` row in camelCase, without its password hash: the one place its columns are
// mapped. USER_COLUMNS is what every query but the login's selects, so a hash cannot leak into
// a listing by a `select *`.
import type { Row } from "../../../sqlClient";

/** One API user, as everything but the login sees it (no password hash). */
export interface UserRow {
  readonly id: number;
  readonly username: string;
  /** One of Airflow's roles: Viewer, User, Op, Admin. */
  readonly role: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly email: string | null;
  /** An inactive user cannot log in, and their tokens stop working. */
  readonly active: boolean;
  readonly createdAt: Date;
  readonly lastLogin: Date | null;
}

/** The columns of UserRow (constant SQL). */
export const USER_COLUMNS =
  "id, username, role, first_name, last_name, email, active, created_at, last_login";

/** Maps an `ab_user` row selected with USER_COLUMNS. */
export function userFromRow(row: Row): UserRow {
  return {
    id: Number(row.id),
    username: row.username as string,
    role: row.role as string,
    firstName: row.first_name as string | null,
    lastName: row.last_name as string | null,
    email: row.email as string | null,
    active: row.active as boolean,
    createdAt: row.created_at as Date,
    lastLogin: row.last_login as Date | null,
  };
}
