// listUsersPage: one page of users for GET /auth/fab/v1/users, in the order asked for, with the
// number of users (listUsers has one fixed order, for the CLI). No password hash is selected.
//   reads:   `ab_user`
//   locks:   none
//   returns: { users, totalEntries }, in the requested order, id breaking ties
import type { SqlClient } from "../../../sqlClient";
import { isOrderKeyOf, type ListOrder, listOrderSql } from "../listOrderSql";
import { selectPage } from "../selectPage";
import { USER_COLUMNS, type UserRow, userFromRow } from "./userRow";

/** What a user list can be ordered by. */
export type UserOrderKey =
  | "id"
  | "username"
  | "first_name"
  | "last_name"
  | "email"
  | "role"
  | "active"
  | "created_at"
  | "last_login";

const ORDER_COLUMNS: Readonly<Record<UserOrderKey, string>> = {
  id: "f.id",
  username: "f.username",
  first_name: "f.first_name",
  last_name: "f.last_name",
  email: "f.email",
  role: "f.role",
  active: "f.active",
  created_at: "f.created_at",
  last_login: "f.last_login",
};

/** Whether `value` names a UserOrderKey. */
export const isUserOrderKey = isOrderKeyOf(ORDER_COLUMNS);

/** Input of listUsersPage. */
export interface ListUsersPageInput {
  /** @default by id */
  readonly orderBy?: readonly ListOrder<UserOrderKey>[];
  readonly limit: number;
  /** @default 0 */
  readonly offset?: number;
}

/** One page of users. */
export interface UsersPageResult {
  readonly users: UserRow[];
  readonly totalEntries: number;
}

/** Lists users, a page at a time. */
export async function listUsersPage(
  client: SqlClient,
  input: ListUsersPageInput,
): Promise<UsersPageResult> {
  const page = await selectPage(client, {
    filtered: `select ${USER_COLUMNS} from ab_user`,
    order: listOrderSql(ORDER_COLUMNS, input.orderBy ?? [], "id"),
    limit: input.limit,
    offset: input.offset ?? 0,
  });
  return { users: page.rows.map(userFromRow), totalEntries: page.totalEntries };
}
