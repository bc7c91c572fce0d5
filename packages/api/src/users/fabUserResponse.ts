// A user as FAB's API shows one (UserCollectionItem): what `ab_user` holds, the one role as
// `roles: [{name}]`, and null for what Updraft does not keep (login counts, changed_on). The
// password hash is not in UserRow, so it cannot appear here.
import type { UserRow } from "@updraft/store";

/** FAB's UserCollectionItem. */
export interface FabUserResponseBody {
  readonly username: string;
  readonly first_name: string | null;
  readonly last_name: string | null;
  readonly email: string | null;
  readonly active: boolean;
  readonly roles: readonly { readonly name: string }[];
  readonly last_login: string | null;
  readonly login_count: null;
  readonly failed_login_count: null;
  readonly created_on: string;
  readonly changed_on: null;
}

/** The UserCollectionItem of `user`. */
export function fabUserResponse(user: UserRow): FabUserResponseBody {
  return {
    username: user.username,
    first_name: user.firstName,
    last_name: user.lastName,
    email: user.email,
    active: user.active,
    roles: [{ name: user.role }],
    last_login: user.lastLogin?.toISOString() ?? null,
    login_count: null,
    failed_login_count: null,
    created_on: user.createdAt.toISOString(),
    changed_on: null,
  };
}
